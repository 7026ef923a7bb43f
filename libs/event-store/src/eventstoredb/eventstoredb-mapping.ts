import { randomUUID } from 'node:crypto';
import {
  ANY,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  jsonEvent,
  NO_STREAM,
  type ReadPosition,
  type RecordedEvent as ClientRecordedEvent,
  START,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port.js';

/** What servers report as the position of an event read from a stream when they do not know it (ulong max). */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

export function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

export function toActualRevision(current: CurrentRevision): number | null {
  return current === NO_STREAM ? null : Number(current);
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.id ?? randomUUID(), type: event.type, data: { ...event.data }, metadata: { ...event.metadata } });
}

/** `$all` reads are inclusive of `fromPosition`; callers drop the event at `after` themselves. */
export function toReadPosition(after: number): ReadPosition {
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

/** Server-side events ($stats, $metadata, projections' output) are not part of the domain's log. */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  if (!event.isJson) throw new Error(`event ${event.id} in ${event.streamId} is not JSON; this store writes only JSON`);
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data: event.data as RecordedEvent['data'],
    metadata: event.metadata as unknown as EventMetadata,
    revision: Number(event.revision),
    position: globalPosition(event),
  };
}

/**
 * Each event of an append is its own committed record in the transaction log, so its commit
 * position is unique and increasing: that number is our global position.
 */
function globalPosition(event: ClientRecordedEvent): number {
  const commit = event.position?.commit;
  if (commit === undefined || commit === UNKNOWN_POSITION) {
    throw new Error(`EventStoreDB did not report the $all position of ${event.streamId}@${event.revision}; upgrade the server`);
  }
  return Number(commit);
}
