import { createHash } from 'node:crypto';
import type { AppendMarker } from '#event-store';

/**
 * The ids of a marked append's events follow from the request, the append's place in it and the
 * time the run decided, all of which a retry replays: the same append sent twice carries the same
 * ids, which EventStoreDB answers as already written rather than writing twice. The time keeps
 * two requests apart that reuse an Idempotency-Key after its record expired.
 */
export function eventIdOf(marker: Pick<AppendMarker, 'requestId' | 'sequence'>, decidedAt: Date, index: number): string {
  const hash = createHash('sha256').update(`${marker.requestId}\n${marker.sequence}\n${decidedAt.toISOString()}\n${index}`).digest();
  // A UUID (RFC 9562 version 8, the custom one), as event stores expect of event ids.
  hash[6] = (hash[6]! & 0x0f) | 0x80;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
