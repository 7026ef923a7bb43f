import type { TokenUsageSink, UsageBatch, UsageCount, UsageQuery } from './token-usage.port.js';
import { sumCounts } from './usage-counts.js';

/** For tests and for running without a data folder: nothing survives a restart. */
export class MemoryTokenUsageSink implements TokenUsageSink {
  private readonly uses = new Map<string, string>();
  private stored: UsageCount[] = [];

  async write({ uses, counts }: UsageBatch): Promise<void> {
    for (const { tokenId, lastUsedAt } of uses) {
      const known = this.uses.get(tokenId);
      if (known === undefined || known < lastUsedAt) this.uses.set(tokenId, lastUsedAt);
    }
    this.stored = sumCounts([...this.stored, ...counts]);
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    return this.uses.get(tokenId) ?? null;
  }

  async counts({ environmentId, appConnectorId, fromHour, toHour }: UsageQuery): Promise<UsageCount[]> {
    return this.stored.filter(
      (count) => count.environmentId === environmentId && count.appConnectorId === appConnectorId && count.hour >= fromHour && count.hour < toHour,
    );
  }

  async close(): Promise<void> {}
}
