import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import type { ModelShare } from './fold-batch.js';

export interface NewDeadLetter {
  readonly projection: string;
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly error: string;
  /** ISO-8601 time the event was given up on. */
  readonly at: string;
}

export interface DeadLetter extends NewDeadLetter {
  readonly id: string;
}

/** The live read models, or the ones a rebuild fills beside them until the switch. */
export type Slot = 'live' | 'rebuild';

/**
 * What the projection engine needs of a read store. Each adapter implements it with its own
 * operations (SQL tables, MongoDB collections) around the shared pure fold (`foldShare`), and
 * creates its tables or collections with their indexes when it opens.
 */
export interface ProjectionStore {
  /** Last position the read model committed in the slot; 0 when it never did. */
  checkpoint(model: string, slot?: Slot): Promise<number>;
  /**
   * Folds every share into its documents and writes them with the moved checkpoints and the dead
   * letters, so that a share written twice changes nothing (SQLite: one transaction; MongoDB:
   * position-guarded writes). Throws CheckpointConflictError, moving no checkpoint, when a stored
   * checkpoint is not the share's `checkpoint`: another writer got there first.
   */
  project(shares: readonly ModelShare[], slot: Slot, now: Date): Promise<{ deadLetters: number }>;
  listDeadLetters(): Promise<DeadLetter[]>;
  getDeadLetter(id: string): Promise<DeadLetter | null>;
  /**
   * Folds a dead-lettered event into its document (out of order: a document past it ignores it)
   * and removes the letter; throws, keeping the letter, if it fails again.
   */
  retryDeadLetter(letter: DeadLetter, model: ReadModel, event: RecordedEvent, now: Date): Promise<void>;
  /** Empty rebuild tables or collections beside the live ones (any earlier, unfinished ones dropped). */
  startRebuild(models: readonly ReadModel[]): Promise<void>;
  /**
   * Switches readers to the rebuilt models in one step, with their checkpoints and dead letters,
   * dropping the old ones; returns the new generation number.
   */
  finishRebuild(models: readonly ReadModel[]): Promise<number>;
  abandonRebuild(models: readonly ReadModel[]): Promise<void>;
  /** Counts switches: each finished rebuild makes the next generation. */
  generation(): Promise<number>;
  close(): Promise<void>;
}

/** Another writer moved the checkpoint first; the batch that tried moved no checkpoint. */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(projection: string, expected: number, stored: number) {
    super(`checkpoint of ${projection} is ${stored}, not ${expected}: another writer moved it`);
  }
}

export class DeadLetterRetryError extends Error {
  override readonly name = 'DeadLetterRetryError';
}
