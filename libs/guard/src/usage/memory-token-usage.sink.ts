import type { TokenUsageSink, TokenUse } from './token-usage.port.js';

/** For tests and for running without a data folder: nothing survives a restart. */
export class MemoryTokenUsageSink implements TokenUsageSink {
  private readonly uses = new Map<string, string>();

  async write(uses: readonly TokenUse[]): Promise<void> {
    for (const { tokenId, lastUsedAt } of uses) {
      const known = this.uses.get(tokenId);
      if (known === undefined || known < lastUsedAt) this.uses.set(tokenId, lastUsedAt);
    }
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    return this.uses.get(tokenId) ?? null;
  }

  async close(): Promise<void> {}
}
