/**
 * The event store port. Its semantics follow EventStoreDB so that the production adapter slots in:
 * streams with 0-based revisions, optimistic concurrency by expected revision, one global order
 * ("$all") with strictly increasing positions, and catch-up subscriptions that go live.
 */

/** Who did it, why, from where: carried by every event, so every change has its actor and source. */
export interface EventMetadata {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly sourceIp: string | null;
  /** The app connector whose token made the change, when an external application did (a message sent through the Profit surface). */
  readonly appConnectorId?: string;
  /** ISO-8601 time the command was decided. */
  readonly time: string;
  readonly schemaVersion: number;
}

export interface NewEvent {
  /** Fixed, past-tense name such as `AppConnectorUnblocked`; never derived from a class name. */
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
  /** Unique event id (UUID); the adapter generates one when absent. */
  readonly id?: string;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
  /** 0-based position of the event in its stream. */
  readonly revision: number;
  /** Position in the global order; strictly increasing, starts above 0. */
  readonly position: number;
}

/**
 * - `no_stream`: the stream must not exist yet.
 * - `stream_exists`: the stream must exist.
 * - `any`: no check (use sparingly: a lost update goes unnoticed).
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

/**
 * Written atomically with the append it belongs to (where the store can), so that a retried
 * request finds what its first run committed even when that run died before it could answer.
 */
export interface AppendMarker {
  /** Names the request (a keyed hash of its Idempotency-Key); never the key itself. */
  readonly requestId: string;
  /** Which append of the request this is: 0, 1, … */
  readonly sequence: number;
  /** Opaque, sealed by the caller. */
  readonly sealed: Uint8Array;
  /** Epoch ms after which the marker counts as absent and may be deleted. */
  readonly expiresAt: number;
}

/** A marked append as the store kept it. */
export interface MarkedAppend {
  readonly sequence: number;
  readonly streamId: string;
  /** Revision of the append's last event. */
  readonly lastRevision: number;
  /** Position of the append's last event. */
  readonly position: number;
  readonly sealed: Uint8Array;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  readonly marker?: AppendMarker;
}

export interface AppendResult {
  /** Revision of the last event written (what to expect on the next append). */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written. */
  readonly position: number;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); default 0. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; default 0 (from the start). */
  readonly after?: number;
  readonly maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position (EventStoreDB's catch-up semantics). */
  readonly after?: number;
  /** Upper bound on events fetched per round during catch-up. */
  readonly batchSize?: number;
}

/** An async iterable of events in global order; catches up, then stays live until closed. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;

  /** The unexpired marked appends of one request, by sequence. */
  markedAppends(requestId: string, now: number): Promise<MarkedAppend[]>;

  /** Events of one stream in revision order; an unknown stream gives an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** Position of the newest event, 0 when the store is empty. */
  headPosition(): Promise<number>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Thrown by `appendToStream` when the expected revision does not hold. Nothing is written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or `null` when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual === null ? 'no stream' : actual}`);
  }
}
