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
import type { AppendMarker, AppendResult, EventMetadata, ExpectedRevision, MarkedAppend, NewEvent, RecordedEvent } from '../event-store.port.js';

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

/**
 * The inverse of `toGlobalPosition`, exact. `$all` reads are inclusive of `fromPosition`; callers
 * drop the event at `after` themselves.
 */
export function toReadPosition(after: number): ReadPosition {
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

/** The streams that hold append markers (see `AppendMarker`), one per request. */
export const MARKER_STREAM_PREFIX = 'append-markers-';

/** Server-side events ($stats, $metadata, projections' output) and this adapter's append markers: not the domain's log. */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$') || event.streamId.startsWith(MARKER_STREAM_PREFIX);
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
    position: toGlobalPosition(event.position, `${event.streamId}@${event.revision}`),
  };
}

/**
 * Our global position is the event's record in the transaction log. Every append over gRPC writes
 * self-committed records, for which the server reports commit = prepare = the record's own log
 * position, unique and increasing: one number then holds both, and `toReadPosition` gives them
 * back exactly. Anything else is refused rather than rounded: a position the server did not
 * report, one past 2^53 (a log of 8 PiB), or commit ≠ prepare, which only the legacy TCP client's
 * explicit transactions write (events sharing a commit position, told apart by prepare alone).
 */
export function toGlobalPosition(position: { readonly commit: bigint; readonly prepare: bigint } | undefined, what: string): number {
  if (position === undefined || position.commit === UNKNOWN_POSITION) {
    throw new Error(`EventStoreDB did not report the $all position of ${what}; upgrade the server`);
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `${what} has commit position ${position.commit} and prepare position ${position.prepare}: it was written in an explicit transaction, which this store does not read`,
    );
  }
  if (position.commit > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`the $all position of ${what} (${position.commit}) is past 2^53`);
  return Number(position.commit);
}

/**
 * The position of an append's last event, from the server's answer to the append. Of the two
 * numbers the answer carries, the larger is that event's record, however the server fills them
 * for an append of several events.
 */
export function toAppendedPosition(position: { readonly commit: bigint; readonly prepare: bigint } | undefined, streamId: string): number {
  if (position === undefined) throw new Error(`EventStoreDB did not report the position of the append to ${streamId}`);
  const last = position.commit > position.prepare ? position.commit : position.prepare;
  return toGlobalPosition({ commit: last, prepare: last }, `the append to ${streamId}`);
}

interface MarkerData {
  readonly sequence: number;
  readonly streamId: string;
  readonly lastRevision: number;
  readonly position: number;
  /** base64 */
  readonly sealed: string;
  readonly expiresAt: number;
}

export function toMarkerData(streamId: string, appended: AppendResult, marker: AppendMarker): MarkerData {
  return {
    sequence: marker.sequence,
    streamId,
    lastRevision: appended.nextExpectedRevision,
    position: appended.position,
    sealed: Buffer.from(marker.sealed).toString('base64'),
    expiresAt: marker.expiresAt,
  };
}

/** The marker an `AppendMarked` event holds, or nothing once it expired. */
export function fromMarkerData(data: Readonly<Record<string, unknown>>, now: number): MarkedAppend[] {
  const marker = data as unknown as MarkerData;
  if (marker.expiresAt <= now) return [];
  const { sequence, streamId, lastRevision, position } = marker;
  return [{ sequence, streamId, lastRevision, position, sealed: Buffer.from(marker.sealed, 'base64') }];
}
