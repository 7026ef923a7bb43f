/** One token's newest allowed use, as flushed by the tracker. */
export interface TokenUse {
  readonly tokenId: string;
  /** ISO-8601. */
  readonly lastUsedAt: string;
}

/** `allowed`, or the refusal's code (`rate_limited` included). */
type UsageOutcome = string;

/** Calls of one token in one hour with one outcome. */
export interface UsageCount {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly tokenId: string;
  /** Whole hours since the epoch (UTC). */
  readonly hour: number;
  readonly outcome: UsageOutcome;
  readonly calls: number;
}

/** What one flush writes: both parts in one transaction, so last-used and the hourly counts never disagree. */
export interface UsageBatch {
  readonly uses: readonly TokenUse[];
  /** Added to what is stored (several processes may count the same token in the same hour). */
  readonly counts: readonly UsageCount[];
}

/** Which counts a dashboard asks for: one connector's, in whole hours `fromHour` (inclusive) to `toHour` (exclusive). */
export interface UsageQuery {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly fromHour: number;
  readonly toHour: number;
}

/**
 * Where "date last used" and the hourly call counts are kept: high-volume verification records
 * stay apart from the event store and its audit trail (as Unkey does). Writes come in batches; a
 * later write of an older time never moves a token's last use back.
 */
export interface TokenUsageSink {
  write(batch: UsageBatch): Promise<void>;
  lastUsed(tokenId: string): Promise<string | null>;
  /** Ordered by hour, token and outcome. */
  counts(query: UsageQuery): Promise<UsageCount[]>;
  close(): Promise<void>;
}

export const TOKEN_USAGE_SINK = Symbol('TOKEN_USAGE_SINK');

export const HOUR_MS = 3_600_000;
