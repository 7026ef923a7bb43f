import type { UsageCount } from '#guard';

interface Calls {
  allowed: number;
  refused: number;
  refusedBy: Record<string, number>;
}

const HOUR_MS = 3_600_000;

const noCalls = (): Calls => ({ allowed: 0, refused: 0, refusedBy: {} });

function add(calls: Calls, { outcome, calls: n }: UsageCount): void {
  if (outcome === 'allowed') {
    calls.allowed += n;
    return;
  }
  calls.refused += n;
  calls.refusedBy[outcome] = (calls.refusedBy[outcome] ?? 0) + n;
}

/** The counts (ordered by hour) summed up in total, per hour and per token. */
export function usageAnswer(counts: readonly UsageCount[], lastUsed: ReadonlyMap<string, string | null>) {
  const totals = noCalls();
  const hours = new Map<number, Calls>();
  const tokens = new Map<string, Calls>();
  for (const count of counts) {
    add(totals, count);
    add(hours.get(count.hour) ?? hours.set(count.hour, noCalls()).get(count.hour)!, count);
    add(tokens.get(count.tokenId) ?? tokens.set(count.tokenId, noCalls()).get(count.tokenId)!, count);
  }
  return {
    totals,
    hours: [...hours].map(([hour, calls]) => ({ hour: new Date(hour * HOUR_MS).toISOString(), ...calls })),
    tokens: [...tokens].map(([tokenId, calls]) => ({ tokenId, ...calls, lastUsedAt: lastUsed.get(tokenId) ?? null })),
  };
}
