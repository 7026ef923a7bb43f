import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type {
  AllSubscription,
  AppendMarker,
  AppendOptions,
  AppendResult,
  EventStore,
  MarkedAppend,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { WrongExpectedRevisionError } from '../event-store.port.js';
import { requireEvents } from '../shared/append-rules.js';
import {
  fromMarkerData,
  isSystemEvent,
  MARKER_STREAM_PREFIX,
  toMarkerData,
  toActualRevision,
  toAppendedPosition,
  toClientRevision,
  toEventData,
  toReadPosition,
  toRecordedEvent,
} from './eventstoredb-mapping.js';
import { EventStoreDbSubscription } from './eventstoredb-subscription.js';

/** The production store for several machines: EventStoreDB over gRPC. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    requireEvents(streamId, events);
    const result = await this.client
      .appendToStream(streamId, events.map(toEventData), { expectedRevision: toClientRevision(options.expectedRevision) })
      .catch((error: unknown) => {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        throw new WrongExpectedRevisionError(streamId, options.expectedRevision, toActualRevision(error.actualVersion));
      });
    const appended = { nextExpectedRevision: Number(result.nextExpectedRevision), position: toAppendedPosition(result.position, streamId) };
    if (options.marker) await this.mark(streamId, appended, options.marker);
    return appended;
  }

  /**
   * EventStoreDB writes one stream per transaction, so the marker is a second append to the
   * request's own stream, which EventStoreDB deletes once it expired (maxAge). A crash between the
   * two appends loses the marker: the one case in which a retry cannot find its first outcome here.
   */
  private async mark(streamId: string, appended: AppendResult, marker: AppendMarker): Promise<void> {
    const stream = `${MARKER_STREAM_PREFIX}${marker.requestId}`;
    // At any revision, the one append here that names none: an Idempotency-Key used again after its
    // record expired finds its old, expired markers still holding the stream's first revisions, and
    // only the run holding the key's reservation appends markers to it.
    await this.client.appendToStream(stream, jsonEvent({ type: 'AppendMarked', data: { ...toMarkerData(streamId, appended, marker) } }), { expectedRevision: ANY });
    if (marker.sequence === 0) {
      await this.client.setStreamMetadata(stream, { maxAge: Math.max(1, Math.ceil((marker.expiresAt - Date.now()) / 1000)) });
    }
  }

  async markedAppends(requestId: string, now: number): Promise<MarkedAppend[]> {
    const events = await this.readStream(`${MARKER_STREAM_PREFIX}${requestId}`);
    return events.flatMap((event) => fromMarkerData(event.data, now));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const read = this.client.readStream(streamId, {
      fromRevision: BigInt(options.fromRevision ?? 0),
      maxCount: options.maxCount,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const { event } of read) if (event) events.push(toRecordedEvent(event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const maxCount = options.maxCount ?? Infinity;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // System events are dropped here, not by the server, so the server's maxCount cannot be used:
    // read lazily and stop as soon as enough domain events have arrived.
    const read = this.client.readAll({ fromPosition: toReadPosition(after) });
    try {
      for await (const { event } of read) {
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event);
        if (recorded.position <= after) continue;
        events.push(recorded);
        if (events.length >= maxCount) break;
      }
    } finally {
      await read.cancel();
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new EventStoreDbSubscription(this.client, options.after ?? 0, (closed) => this.subscriptions.delete(closed));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    try {
      for await (const { event } of read) if (event && !isSystemEvent(event)) return toRecordedEvent(event).position;
    } finally {
      await read.cancel();
    }
    return 0;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }
}
