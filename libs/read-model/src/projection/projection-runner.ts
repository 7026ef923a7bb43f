import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { AllSubscription, RecordedEvent } from '#event-store';
import { CheckpointConflictError, UnknownGenerationError } from '../store/read-store.errors.js';
import { collectionsOf, describeError, summarizeError, type Projection } from './projection.js';
import { EventBatcher } from './event-batcher.js';
import { PositionWaiters } from './position-waiters.js';
import { projectBatch } from './project-events.js';
import type {
  AppliedListener,
  ProjectionRunnerOptions,
  ProjectionRunnerStatus,
  RunnerState,
} from './projection-runner.options.js';

const STOPPED = Symbol('stopped');

/**
 * Keeps projections up to date from `$all` after the lowest stored checkpoint: pages read while far
 * behind, then one subscription. Each batch is committed in one transaction with every projection's
 * checkpoint, so a crash at any point resumes where the store says. Store or subscription failures
 * back off and resubscribe from the stored checkpoints (subscriptions that end silently are a known
 * failure of event stores);
 * a checkpoint conflict or a generation switch resubscribes at once.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, number>();
  private readonly waiters = new PositionWaiters();
  private readonly listeners = new Set<AppliedListener>();
  private state: RunnerState = 'stopped';
  private generation: number | undefined;
  private loop: Promise<void> | undefined;
  private failures = 0;
  private stopRequested = false;
  private wakeOnStop: (() => void) | undefined;
  private lastError: { message: string; at: string } | null = null;

  constructor(private readonly options: ProjectionRunnerOptions) {
    if (options.projections.length === 0) throw new Error('a projection runner needs at least one projection');
    for (const projection of options.projections) this.checkpoints.set(projection.name, 0);
  }

  /** Resolves once the checkpoints are loaded; the projecting goes on in the background. */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.options.store.ensureCollections(collectionsOf(this.options.projections));
    await this.loadCheckpoints();
    this.stopRequested = false;
    this.state = 'running';
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then stops; `start` resumes from the stored checkpoints. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.state = 'stopping';
    this.stopRequested = true;
    this.wakeOnStop?.();
    await this.loop;
    this.loop = undefined;
    this.state = 'stopped';
  }

  isRunning(): boolean {
    return this.loop !== undefined;
  }

  position(): number {
    return Math.min(...this.checkpoints.values());
  }

  /** For read-your-writes: true once every projection has committed `position`, false after the timeout. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(position, this.position(), timeoutMs);
  }

  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async status(): Promise<ProjectionRunnerStatus> {
    const headPosition = await this.options.eventStore.headPosition().catch(() => null);
    const position = this.position();
    return {
      state: this.state,
      position,
      headPosition,
      lag: headPosition === null ? null : Math.max(0, headPosition - position),
      deadLetters: (await this.options.store.listDeadLetters()).length,
      lastError: this.lastError,
      projections: this.options.projections.map(({ name, version }) => ({ name, version, checkpoint: this.checkpoints.get(name)! })),
    };
  }

  /**
   * Applies a dead-lettered event again (after a fix) and removes the letter in the same
   * transaction; throws, keeping the letter, if it still fails. The event is applied out of order:
   * documents already past its position ignore it, so for streams with later events prefer a rebuild.
   */
  async retryDeadLetter(id: string): Promise<void> {
    const { store, eventStore, projections } = this.options;
    const letter = await store.getDeadLetter(id);
    if (!letter) throw new Error(`no dead letter ${id}`);
    const projection = projections.find((candidate) => candidate.name === letter.projection);
    if (!projection) throw new Error(`dead letter ${id} belongs to unknown projection ${letter.projection}`);
    const [event] = await eventStore.readAll({ after: letter.position - 1, maxCount: 1 });
    if (!event || event.id !== letter.eventId) throw new Error(`event ${letter.eventId} is no longer at position ${letter.position}`);
    await store.transaction(async (tx) => {
      await projection.apply(event, tx);
      await tx.removeDeadLetter(id);
    });
  }

  private async run(): Promise<void> {
    while (!this.stopRequested) {
      let subscription: AllSubscription | undefined;
      try {
        if (this.failures > 0) await this.loadCheckpoints();
        if ((await this.catchUp()) === STOPPED) return;
        subscription = this.options.eventStore.subscribeToAll({ after: this.position(), batchSize: this.maxBatchSize });
        const batches = new EventBatcher(subscription[Symbol.asyncIterator](), this.maxBatchSize);
        for (;;) {
          const batch = await this.untilStopped(batches.next());
          if (batch === STOPPED) return;
          if (batch === null) throw new Error('event subscription ended unexpectedly');
          await this.process(batch);
        }
      } catch (error) {
        this.failures += 1;
        await this.recover(error, this.failures);
      } finally {
        await subscription?.close().catch(() => undefined);
      }
    }
  }

  /**
   * Far behind, reading pages with `readAll` (as a rebuild does) costs much less per event than
   * iterating a subscription; the subscription takes over after the first short page.
   */
  private async catchUp(): Promise<typeof STOPPED | undefined> {
    const pageSize = this.options.catchUpBatchSize ?? this.maxBatchSize;
    for (;;) {
      const page = await this.untilStopped(this.options.eventStore.readAll({ after: this.position(), maxCount: pageSize }));
      if (page === STOPPED) return STOPPED;
      if (page.length > 0) await this.process(page);
      if (page.length < pageSize) return undefined;
    }
  }

  private async process(batch: readonly RecordedEvent[]): Promise<void> {
    const context = { store: this.options.store, generation: this.generation!, now: this.options.now ?? (() => new Date()) };
    const work = this.options.projections.map((projection) => {
      const checkpoint = this.checkpoints.get(projection.name)!;
      return { projection, events: batch[0]!.position > checkpoint ? batch : batch.filter((event) => event.position > checkpoint) };
    });
    const outcomes = await projectBatch(context, work);
    work.forEach(({ projection, events }, index) => {
      const { deadLetters } = outcomes[index]!;
      if (deadLetters > 0) this.log('warn', `${projection.name}: ${deadLetters} event(s) moved to dead letters`);
      if (events.length > 0) this.checkpoints.set(projection.name, events[events.length - 1]!.position);
    });
    this.waiters.reached(this.position());
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (error) {
        this.log('error', `onApplied listener failed: ${describeError(error)}`);
      }
    }
    this.failures = 0;
    this.state = 'running';
    // Whatever the event store, a catch-up must not keep HTTP and timers waiting for its end.
    await nextTurn();
  }

  private async recover(error: unknown, failures: number): Promise<void> {
    // Another writer moved the checkpoints or a rebuild switched generations: expected, not a failure.
    if (error instanceof CheckpointConflictError || error instanceof UnknownGenerationError) {
      this.log('warn', `projection runner: ${summarizeError(error)}; reloading the checkpoints`);
      return;
    }
    // The status is shown on the unauthenticated /health: a summary there, the stack in the log only.
    this.lastError = { message: summarizeError(error), at: (this.options.now?.() ?? new Date()).toISOString() };
    this.log('error', `projection runner: ${describeError(error)}`);
    if (this.stopRequested) return;
    this.state = 'retrying';
    const { initial, max } = this.options.retryDelayMs ?? { initial: 100, max: 30_000 };
    const delay = Math.min(max, initial * 2 ** (failures - 1));
    await this.untilStopped(sleep(delay));
  }

  /**
   * `work`, or STOPPED as soon as `stop` is called. Not a race with one long-lived stop promise:
   * every race would leave a reaction on it holding its result (a whole batch) until the stop.
   */
  private untilStopped<T>(work: Promise<T>): Promise<T | typeof STOPPED> {
    if (this.stopRequested) return Promise.resolve(STOPPED);
    return new Promise((resolve, reject) => {
      this.wakeOnStop = () => resolve(STOPPED);
      work.then(resolve, reject);
    });
  }

  // Generation and checkpoints are read together; if a switch falls between, the pinned generation
  // is gone at the next commit, which fails and brings us back here.
  private async loadCheckpoints(): Promise<void> {
    this.generation = await this.options.store.activeGeneration();
    for (const projection of this.options.projections) {
      this.checkpoints.set(projection.name, await this.options.store.getCheckpoint(projection.name));
    }
    this.waiters.reached(this.position());
  }

  private get maxBatchSize(): number {
    return this.options.maxBatchSize ?? 2000;
  }

  private log(level: 'warn' | 'error', message: string): void {
    (this.options.logger ?? console)[level](message);
  }
}
