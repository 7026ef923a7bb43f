import { timingSafeEqual } from 'node:crypto';
import { type Draw, IdempotentExecution, type Runtime } from '#application';
import type { EventStore } from '#event-store';
import type { IdempotencyRecordKeys } from './idempotency-record-keys.js';

/** What an append marker seals: the request it belongs to, and what that request had drawn. */
interface SealedDraws {
  readonly fingerprint: string;
  readonly draws: readonly Draw[];
}

/**
 * The run of a request under its Idempotency-Key, picking up what an earlier run of the same
 * request committed (found by the markers of its appends), or `mismatch` when those markers belong
 * to another request under the same key.
 */
export async function idempotentExecution(
  events: EventStore,
  record: IdempotencyRecordKeys,
  fingerprint: string,
  runtime: Runtime,
  { nowMs, ttlMs }: { readonly nowMs: number; readonly ttlMs: number },
): Promise<IdempotentExecution | 'mismatch'> {
  const appends = await events.markedAppends(record.requestId, nowMs);
  const last = appends.at(-1);
  const firstRun = last ? (record.openValue(last.sealed) as SealedDraws) : undefined;
  if (firstRun && !sameText(firstRun.fingerprint, fingerprint)) return 'mismatch';
  const sealer = { seal: (draws: readonly Draw[]) => record.sealValue({ fingerprint, draws } satisfies SealedDraws) };
  return new IdempotentExecution(record.requestId, { appends, draws: firstRun?.draws ?? [] }, runtime, sealer, nowMs + ttlMs);
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
