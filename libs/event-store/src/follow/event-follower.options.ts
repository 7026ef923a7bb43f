import type { EventStore, RecordedEvent } from '../event-store.port.js';

export interface EventFollowerOptions {
  readonly eventStore: Pick<EventStore, 'readAll' | 'subscribeToAll'>;
  /**
   * The position the consumer has durably reached; following goes on after it. Called by `start`
   * and again before every restart after a failure, so a consumer that keeps its position in a
   * store reloads it there.
   */
  readonly resumeAfter: () => Promise<number> | number;
  /** Gets the events in order, each once per (re)start; a throw is a failure and restarts from `resumeAfter`. */
  readonly handle: (batch: readonly RecordedEvent[]) => Promise<void> | void;
  /** Most events per batch once live; default 2000. Live batches only fill under load. */
  readonly maxBatchSize?: number;
  /** Events per `readAll` page while far behind; default `maxBatchSize`. */
  readonly catchUpPageSize?: number;
  /** Wait after a failure, doubling from `initial` up to `max`, back to `initial` after a handled batch; default 100 ms to 30 s. */
  readonly retryDelayMs?: { readonly initial: number; readonly max: number };
  /** An error that is part of normal operation (another writer moved the consumer's checkpoint): restart at once, no backoff, no `lastError`. */
  readonly isExpected?: (error: unknown) => boolean;
  /**
   * Where failures go; `expected` says `isExpected` accepted the error (worth a warning). The message
   * is the error's summary for an expected error, else what the follower does next. Default: the console.
   */
  readonly onError?: (message: string, error: unknown, expected: boolean) => void;
  readonly now?: () => Date;
}

/** `retrying` between a failure and the next handled batch. */
export type FollowerState = 'stopped' | 'running' | 'retrying' | 'stopping';

/** The last unexpected failure: `Name: message`, never a stack (it is shown on the unauthenticated /health). */
export interface FollowerError {
  readonly message: string;
  /** ISO-8601. */
  readonly at: string;
}
