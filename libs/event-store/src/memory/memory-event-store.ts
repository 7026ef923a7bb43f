import { randomUUID } from 'node:crypto';
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
import { checkExpectedRevision, requireEvents } from '../shared/append-rules.js';
import { ChangeNotifier } from '../shared/change-notifier.js';
import { LiveSubscription } from '../shared/live-subscription.js';

/** For unit tests of the layers above: same semantics as the durable adapters, nothing kept. */
export class MemoryEventStore implements EventStore {
  /** Index i holds position i + 1, so reads by position are slices. */
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly changes = new ChangeNotifier();
  private readonly subscriptions = new Set<LiveSubscription>();
  private readonly markers = new Map<string, (MarkedAppend & { readonly expiresAt: number })[]>();

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    requireEvents(streamId, events);
    const stream = this.streams.get(streamId) ?? [];
    checkExpectedRevision(streamId, options.expectedRevision, stream.length > 0 ? stream.length - 1 : null);
    const recorded = events.map(
      (event, i): RecordedEvent => ({
        id: event.id ?? randomUUID(),
        streamId,
        type: event.type,
        data: asStored(event.data),
        metadata: asStored(event.metadata),
        revision: stream.length + i,
        position: this.log.length + i + 1,
      }),
    );
    stream.push(...recorded);
    this.streams.set(streamId, stream);
    this.log.push(...recorded);
    const last = recorded[recorded.length - 1]!;
    if (options.marker) this.mark(options.marker, last);
    this.changes.notify();
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async markedAppends(requestId: string, now: number): Promise<MarkedAppend[]> {
    return (this.markers.get(requestId) ?? []).filter((marked) => marked.expiresAt > now).map(({ expiresAt: _, ...marked }) => marked);
  }

  private mark({ requestId, sequence, sealed, expiresAt }: AppendMarker, last: RecordedEvent): void {
    const marked = this.markers.get(requestId) ?? [];
    if (marked.some((other) => other.sequence === sequence)) throw new Error(`request ${requestId} already marked append ${sequence}`);
    const marker = { sequence, streamId: last.streamId, lastRevision: last.revision, position: last.position, sealed, expiresAt };
    this.markers.set(requestId, [...marked, marker].sort((a, b) => a.sequence - b.sequence));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    return (this.streams.get(streamId) ?? []).slice(from, from + (options.maxCount ?? Infinity));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(0, options.after ?? 0);
    return this.log.slice(from, from + (options.maxCount ?? Infinity));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const source = {
      readAfter: (after: number, maxCount: number) => this.readAll({ after, maxCount }),
      changes: this.changes,
      pollIntervalMs: 0,
    };
    const subscription = new LiveSubscription(source, options.after ?? 0, options.batchSize ?? 100, (closed) =>
      this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }
}

/** The durable stores keep JSON; doing the same here stops a unit test passing on a Date or `undefined`. */
function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
