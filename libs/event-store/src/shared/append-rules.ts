import { type ExpectedRevision, type NewEvent, WrongExpectedRevisionError } from '../event-store.port.js';

/**
 * The expected-revision check shared by the adapters that enforce it themselves (EventStoreDB does
 * it server-side). `actual` is the revision of the stream's last event, `null` when there is none.
 */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    expected === actual;
  if (!holds) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** An empty append has no last event to report in `AppendResult`, so every adapter refuses it. */
export function requireEvents(streamId: string, events: readonly NewEvent[]): void {
  if (events.length === 0) throw new RangeError(`stream ${streamId}: nothing to append`);
}
