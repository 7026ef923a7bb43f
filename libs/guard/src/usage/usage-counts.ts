import type { UsageCount } from './token-usage.port.js';

/** One count per token, hour and outcome, ordered by hour, token and outcome. */
export function sumCounts(counts: readonly UsageCount[]): UsageCount[] {
  const byKey = new Map<string, UsageCount>();
  for (const count of counts) {
    const key = `${count.hour}\u0000${count.tokenId}\u0000${count.outcome}`;
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? count : { ...known, calls: known.calls + count.calls });
  }
  return [...byKey.values()].sort((a, b) => a.hour - b.hour || compare(a.tokenId, b.tokenId) || compare(a.outcome, b.outcome));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
