import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RecordedEvent } from '../event-store.port.js';
import { EventBatcher } from './event-batcher.js';
import type { EventFollowerOptions, FollowerError, FollowerState } from './event-follower.options.js';
import { PositionWaiters } from './position-waiters.js';
import { STOPPED, StopSignal } from './stop-signal.js';

/**
 * Hands `$all` to a consumer in order, from the position it says it has reached: pages read with
 * `readAll` while far behind (much cheaper per event than iterating a subscription), then one
 * subscription once a page comes back short. A failure (of the store, the subscription or the
 * consumer) closes the subscription, backs off and resumes after the consumer's position; a
 * subscription that ends by itself is a failure too, since event-store subscriptions are known to
 * drop silently.
 */
export class EventFollower {
  private readonly waiters = new PositionWaiters();
  private handled = 0;
  private current: FollowerState = 'stopped';
  private failure: FollowerError | null = null;
  private failures = 0;
  private started: Promise<void> | undefined;
  private loop: Promise<void> | undefined;
  private readonly stopSignal = new StopSignal();

  constructor(private readonly options: EventFollowerOptions) {}

  get state(): FollowerState {
    return this.current;
  }

  get lastError(): FollowerError | null {
    return this.failure;
  }

  /** The last position handled, or the one resumed after. */
  position(): number {
    return this.handled;
  }

  /** Resolves once `resumeAfter` is read (rejects if it throws); the following goes on in the background. */
  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  /** Finishes the batch in hand, then stops, answering pending waits with false; `start` resumes. */
  async stop(): Promise<void> {
    const started = this.started;
    if (started === undefined) return;
    this.stopSignal.request();
    this.current = 'stopping';
    await started.catch(() => undefined);
    await this.loop;
    this.loop = undefined;
    this.started = undefined;
    this.current = 'stopped';
    this.waiters.abandonAll();
  }

  /** True once `position` is handled, false when `timeoutMs` passed first or the follower stopped. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(position, this.handled, timeoutMs);
  }

  private async begin(): Promise<void> {
    this.stopSignal.reset();
    try {
      this.advanceTo(await this.resumePosition());
    } catch (error) {
      this.started = undefined;
      throw error;
    }
    if (this.stopSignal.requested) return;
    this.current = 'running';
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    for (let restart = false; !this.stopSignal.requested; restart = true) {
      try {
        if (restart && (await this.resume()) === STOPPED) return;
        await this.follow();
      } catch (error) {
        await this.recover(error);
      }
    }
  }

  private async resume(): Promise<typeof STOPPED | undefined> {
    const after = await this.stopSignal.orStop(this.resumePosition());
    if (after === STOPPED) return STOPPED;
    this.advanceTo(after);
    return undefined;
  }

  /** A promise even for a `resumeAfter` that answers, or throws, at once. */
  private resumePosition(): Promise<number> {
    return Promise.resolve().then(() => this.options.resumeAfter());
  }

  /** Returns only once stopped; throws on any failure. */
  private async follow(): Promise<void> {
    if ((await this.catchUp()) === STOPPED) return;
    const subscription = this.options.eventStore.subscribeToAll({ after: this.handled, batchSize: this.maxBatchSize });
    try {
      const batches = new EventBatcher(subscription[Symbol.asyncIterator](), this.maxBatchSize);
      while ((await this.handleNextBatch(batches)) !== STOPPED);
    } finally {
      await subscription.close().catch(() => undefined);
    }
  }

  private async catchUp(): Promise<typeof STOPPED | undefined> {
    for (;;) {
      const handled = await this.handleNextPage();
      if (handled === STOPPED) return STOPPED;
      if (handled < this.catchUpPageSize) return undefined;
    }
  }

  // A page or batch lives in its own call, so that nothing holds a handled one while the next is awaited.
  private async handleNextPage(): Promise<number | typeof STOPPED> {
    const page = await this.stopSignal.orStop(this.options.eventStore.readAll({ after: this.handled, maxCount: this.catchUpPageSize }));
    if (page === STOPPED) return STOPPED;
    if (page.length > 0) await this.handleBatch(page);
    return page.length;
  }

  private async handleNextBatch(batches: EventBatcher): Promise<typeof STOPPED | undefined> {
    const batch = await this.stopSignal.orStop(batches.next());
    if (batch === STOPPED) return STOPPED;
    if (batch === null) throw new SubscriptionEndedError();
    await this.handleBatch(batch);
    return undefined;
  }

  private async handleBatch(batch: readonly RecordedEvent[]): Promise<void> {
    await this.options.handle(batch);
    this.advanceTo(batch[batch.length - 1]!.position);
    this.failures = 0;
    if (!this.stopSignal.requested) this.current = 'running';
    // Whatever the store, following a long backlog must not keep HTTP and timers waiting.
    await nextTurn();
  }

  private advanceTo(position: number): void {
    this.handled = position;
    this.waiters.reached(position);
  }

  private async recover(error: unknown): Promise<void> {
    if (this.options.isExpected?.(error)) {
      this.report(summarize(error), error, true);
      // At once, but not in a loop that never lets the event loop turn.
      await nextTurn();
      return;
    }
    this.failures += 1;
    this.failure = { message: summarize(error), at: (this.options.now?.() ?? new Date()).toISOString() };
    if (this.stopSignal.requested) {
      this.report('following $all failed while stopping', error, false);
      return;
    }
    const { initial, max } = this.options.retryDelayMs ?? { initial: 100, max: 30_000 };
    const delay = Math.min(max, initial * 2 ** (this.failures - 1));
    this.report(`following $all failed; retrying in ${delay} ms`, error, false);
    this.current = 'retrying';
    await this.stopSignal.pause(delay);
  }

  private report(message: string, error: unknown, expected: boolean): void {
    if (this.options.onError) this.options.onError(message, error, expected);
    else console[expected ? 'warn' : 'error'](message, error);
  }

  private get maxBatchSize(): number {
    return this.options.maxBatchSize ?? 2000;
  }

  private get catchUpPageSize(): number {
    return this.options.catchUpPageSize ?? this.maxBatchSize;
  }
}

class SubscriptionEndedError extends Error {
  override readonly name = 'SubscriptionEndedError';
  constructor() {
    super('the $all subscription ended by itself');
  }
}

function summarize(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
