import { ANY, NO_STREAM, type RecordedEvent as ClientRecordedEvent, STREAM_EXISTS } from '@eventstore/db-client';
import type { EventMetadata } from '../event-store.port.js';
import {
  isSystemEvent,
  toActualRevision,
  toClientRevision,
  toAppendedPosition,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
} from './eventstoredb-mapping.js';

const metadata: EventMetadata = {
  actor: 'user:1',
  correlationId: 'c',
  causationId: 'k',
  sourceIp: null,
  time: '2025-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

const clientEvent = (overrides: Partial<Record<string, unknown>> = {}) =>
  ({
    streamId: 'app-1',
    id: 'id-1',
    isJson: true,
    revision: 4n,
    type: 'AppConnectorCreated',
    created: new Date(0),
    data: { name: 'x' },
    metadata,
    position: { commit: 1234n, prepare: 1234n },
    ...overrides,
  }) as unknown as ClientRecordedEvent;

describe('EventStoreDB mapping', () => {
  it('maps expected revisions to the client constants and bigint', () => {
    expect(['no_stream', 'stream_exists', 'any', 7].map((r) => toClientRevision(r as never))).toEqual([
      NO_STREAM,
      STREAM_EXISTS,
      ANY,
      7n,
    ]);
  });

  it('maps the actual revision of a WrongExpectedVersionError, null when there is no stream', () => {
    expect(toActualRevision(NO_STREAM)).toBeNull();
    expect(toActualRevision(3n)).toBe(3);
  });

  it('writes JSON events with our metadata and keeps a given id', () => {
    const data = toEventData({ id: 'given', type: 'T', data: { a: 1 }, metadata });
    expect(data).toEqual({ id: 'given', contentType: 'application/json', type: 'T', data: { a: 1 }, metadata });
    expect(toEventData({ type: 'T', data: {}, metadata }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads the revision and the position as numbers', () => {
    expect(toRecordedEvent(clientEvent())).toEqual({
      id: 'id-1',
      streamId: 'app-1',
      type: 'AppConnectorCreated',
      data: { name: 'x' },
      metadata,
      revision: 4,
      position: 1234,
    });
  });

  it('refuses events whose position the server did not report, and binary events', () => {
    expect(() => toRecordedEvent(clientEvent({ position: undefined }))).toThrow(/position/);
    expect(() => toRecordedEvent(clientEvent({ position: { commit: 2n ** 64n - 1n, prepare: 0n } }))).toThrow(/position/);
    expect(() => toRecordedEvent(clientEvent({ isJson: false }))).toThrow(/not JSON/);
  });

  it('treats $-prefixed types and streams as system events', () => {
    expect(isSystemEvent({ type: '$metadata', streamId: 'app-1' })).toBe(true);
    expect(isSystemEvent({ type: 'Anything', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: 'AppConnectorCreated', streamId: 'app-1' })).toBe(false);
    expect(isSystemEvent({ type: 'AppendMarked', streamId: 'append-markers-3f9a' })).toBe(true);
  });

  it('reads $all from the start for position 0 and from the exact position otherwise', () => {
    expect(toReadPosition(0)).toBe('start');
    expect(toReadPosition(42)).toEqual({ commit: 42n, prepare: 42n });
  });

  it('maps a position to one number and back without loss, up to 2^53', () => {
    for (const n of [1n, 1234n, 2n ** 40n + 7n, BigInt(Number.MAX_SAFE_INTEGER)]) {
      const position = toGlobalPosition({ commit: n, prepare: n }, 'e');
      expect(BigInt(position)).toBe(n);
      expect(toReadPosition(position)).toEqual({ commit: n, prepare: n });
    }
    expect(() => toGlobalPosition({ commit: BigInt(Number.MAX_SAFE_INTEGER) + 2n, prepare: BigInt(Number.MAX_SAFE_INTEGER) + 2n }, 'e')).toThrow(/past 2\^53/);
  });

  it('refuses an event of an explicit transaction (commit and prepare apart) rather than lose its prepare position', () => {
    expect(() => toRecordedEvent(clientEvent({ position: { commit: 500n, prepare: 380n } }))).toThrow(
      'app-1@4 has commit position 500 and prepare position 380: it was written in an explicit transaction, which this store does not read',
    );
  });

  it("takes an append's position from the larger of the two numbers the server answers", () => {
    expect(toAppendedPosition({ commit: 900n, prepare: 900n }, 's')).toBe(900);
    expect(toAppendedPosition({ commit: 700n, prepare: 900n }, 's')).toBe(900);
    expect(toAppendedPosition({ commit: 900n, prepare: 700n }, 's')).toBe(900);
    expect(() => toAppendedPosition(undefined, 's')).toThrow('EventStoreDB did not report the position of the append to s');
  });
});
