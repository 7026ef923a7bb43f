import type { EventStore, RecordedEvent } from '#event-store';
import { EventFollower } from '#event-follower';
import { describeError, type ReadModel } from '../read-model.js';
import { CheckpointConflictError } from '../engine/projection-store.port.js';
import type { ReadStore } from '../read-store.js';

export interface RunnerLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly eventStore: Pick<EventStore, 'subscribeToAll' | 'readAll' | 'headPosition'>;
  readonly store: ReadStore;
  readonly models: readonly ReadModel[];
  /** Most events per transaction; default 2000. Batches only fill while catching up or under load. */
  readonly maxBatchSize?: number;
  /** Events per `readAll` page and transaction while far behind; default `maxBatchSize`. */
  readonly catchUpBatchSize?: number;
  /** Wait after a failure of the store or the subscription, doubling up to `max`; default 100 ms to 30 s. */
  readonly retryDelayMs?: { readonly initial: number; readonly max: number };
  readonly now?: () => Date;
  readonly logger?: RunnerLogger;
}

export interface ProjectionRunnerStatus {
  readonly state: EventFollower['state'];
  /** Lowest checkpoint over the read models: everything up to here is visible to readers. */
  readonly position: number;
  /** Newest event in the store, null when the store could not say. */
  readonly headPosition: number | null;
  readonly lag: number | null;
  readonly deadLetters: number;
  readonly lastError: EventFollower['lastError'];
  readonly projections: readonly { readonly name: string; readonly version: number; readonly checkpoint: number }[];
}

/**
 * Keeps the read models up to date from `$all`, following it with the event store's follower (catch
 * up in pages, then live, resume after failures). Each batch is committed in one transaction with
 * every read model's checkpoint, so a crash at any point resumes where the store says; a checkpoint
 * moved by another writer (a rebuild's switch) reloads the checkpoints and goes on.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, number>();
  private readonly follower: EventFollower;

  constructor(private readonly options: ProjectionRunnerOptions) {
    if (options.models.length === 0) throw new Error('a projection runner needs at least one read model');
    for (const { name } of options.models) this.checkpoints.set(name, 0);
    const logger = options.logger ?? console;
    this.follower = new EventFollower({
      eventStore: options.eventStore,
      resumeAfter: () => this.loadCheckpoints(),
      handle: (batch) => this.process(batch),
      maxBatchSize: options.maxBatchSize ?? 2000,
      catchUpPageSize: options.catchUpBatchSize ?? options.maxBatchSize ?? 2000,
      ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
      isExpected: (error) => error instanceof CheckpointConflictError,
      onError: (message, error, expected) => {
        if (expected) logger.warn(`projection runner: ${message}; reloading the checkpoints`);
        else logger.error(`projection runner: ${message}: ${describeError(error)}`);
      },
    });
  }

  /** Resolves once the checkpoints are loaded; the projecting goes on in the background. */
  start(): Promise<void> {
    return this.follower.start();
  }

  /** Finishes the batch in hand, then stops; `start` resumes from the stored checkpoints. */
  stop(): Promise<void> {
    return this.follower.stop();
  }

  isRunning(): boolean {
    return this.follower.state !== 'stopped';
  }

  position(): number {
    return Math.min(...this.checkpoints.values());
  }

  /** For read-your-writes: true once every read model has committed `position`, false after the timeout. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    return this.follower.waitForPosition(position, timeoutMs);
  }

  async status(): Promise<ProjectionRunnerStatus> {
    const headPosition = await this.options.eventStore.headPosition().catch(() => null);
    const position = this.position();
    return {
      state: this.follower.state,
      position,
      headPosition,
      lag: headPosition === null ? null : Math.max(0, headPosition - position),
      deadLetters: (await this.options.store.listDeadLetters()).length,
      lastError: this.follower.lastError,
      projections: this.options.models.map(({ name, version }) => ({ name, version, checkpoint: this.checkpoints.get(name)! })),
    };
  }

  /**
   * Applies a dead-lettered event again (after a fix) and removes the letter in the same
   * transaction; throws, keeping the letter, if it still fails. The event is applied out of order:
   * documents already past its position ignore it, so for streams with later events prefer a rebuild.
   */
  async retryDeadLetter(id: string): Promise<void> {
    const { store, eventStore, models } = this.options;
    const letter = await store.getDeadLetter(id);
    if (!letter) throw new Error(`no dead letter ${id}`);
    const model = models.find((candidate) => candidate.name === letter.projection);
    if (!model) throw new Error(`dead letter ${id} belongs to unknown read model ${letter.projection}`);
    const [event] = await eventStore.readAll({ after: letter.position - 1, maxCount: 1 });
    if (!event || event.id !== letter.eventId) throw new Error(`event ${letter.eventId} is no longer at position ${letter.position}`);
    await store.retryDeadLetter(letter, model, event, this.now());
  }

  private async process(batch: readonly RecordedEvent[]): Promise<void> {
    const shares = this.options.models
      .map((model) => {
        const checkpoint = this.checkpoints.get(model.name)!;
        return { model, checkpoint, events: batch[0]!.position > checkpoint ? batch : batch.filter((event) => event.position > checkpoint) };
      })
      .filter(({ events }) => events.length > 0);
    if (shares.length === 0) return;
    const { deadLetters } = await this.options.store.project(shares, 'live', this.now());
    if (deadLetters > 0) (this.options.logger ?? console).warn(`projections: ${deadLetters} event(s) moved to dead letters`);
    for (const { model, events } of shares) this.checkpoints.set(model.name, events.at(-1)!.position);
  }

  private async loadCheckpoints(): Promise<number> {
    for (const { name } of this.options.models) this.checkpoints.set(name, await this.options.store.checkpoint(name));
    return this.position();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
