import type { EventStore, RecordedEvent } from '#event-store';
import type { ReadStore } from '../store/read-store.port.js';
import type { Projection } from './projection.js';

export interface RunnerLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly eventStore: Pick<EventStore, 'subscribeToAll' | 'readAll' | 'headPosition'>;
  readonly store: ReadStore;
  readonly projections: readonly Projection[];
  /** Most events per transaction; default 2000. Batches only fill while catching up or under load. */
  readonly maxBatchSize?: number;
  /**
   * Events per `readAll` page and transaction while far behind; default `maxBatchSize`. Larger commits
   * there let the random index pages of a model (the token hashes) share a write.
   */
  readonly catchUpBatchSize?: number;
  /** Wait after a failure of the store or the subscription, doubling up to `max`; default 100 ms to 30 s. */
  readonly retryDelayMs?: { readonly initial: number; readonly max: number };
  readonly now?: () => Date;
  readonly logger?: RunnerLogger;
}

export type RunnerState = 'stopped' | 'running' | 'retrying' | 'stopping';

export interface ProjectionRunnerStatus {
  readonly state: RunnerState;
  /** Lowest checkpoint over the projections: everything up to here is visible to readers. */
  readonly position: number;
  /** Newest event in the store, null when the store could not say. */
  readonly headPosition: number | null;
  readonly lag: number | null;
  readonly deadLetters: number;
  readonly lastError: { readonly message: string; readonly at: string } | null;
  readonly projections: readonly { readonly name: string; readonly version: number; readonly checkpoint: number }[];
}

/** Called with each batch once every projection has committed it; errors are logged, not rethrown. */
export type AppliedListener = (events: readonly RecordedEvent[]) => void;
