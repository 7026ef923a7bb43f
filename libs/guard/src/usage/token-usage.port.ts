/** One token's newest use, as flushed by the tracker. */
export interface TokenUse {
  readonly tokenId: string;
  /** ISO-8601. */
  readonly lastUsedAt: string;
}

/**
 * Where "date last used" is kept: high-volume verification records stay apart from the event store
 * and its audit trail (as Unkey does). Writes come in batches; a later write of an older
 * time never moves a token's last use back.
 */
export interface TokenUsageSink {
  write(uses: readonly TokenUse[]): Promise<void>;
  lastUsed(tokenId: string): Promise<string | null>;
  close(): Promise<void>;
}

export const TOKEN_USAGE_SINK = Symbol('TOKEN_USAGE_SINK');
