import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { AllSubscription, EventStore } from '#event-store';
import { AccessState, type AccessLookup, type IndexedToken } from './access-state.js';
import type { IndexedConnector } from './indexed-connector.js';

export interface AccessIndexOptions {
  /**
   * The state to resume from; the subscription starts after its position. Today always a fresh
   * state replayed from position 0: the index holds one small entry per connector, token and group
   * membership, so a replay costs milliseconds per thousand events, and a persisted copy would need
   * its own versioning and the projection engine that `libs/read-model` is still becoming. Once
   * that exists, a state loaded from it (at its checkpoint) is handed in here and nothing else changes.
   */
  readonly state?: AccessState;
  /** Pause before resubscribing after the subscription failed or ended on its own. */
  readonly retryDelayMs?: number;
  /** Where failures go (a dropped subscription, an event that could not be applied). */
  readonly onError?: (message: string, error: unknown) => void;
}

/** A replay at startup lets timers and I/O run this often, whatever the store's subscription does. */
const EVENTS_PER_TURN = 1000;

type Waiter = { readonly position: number; readonly resolve: (reached: boolean) => void; readonly timer: NodeJS.Timeout };

/**
 * The access read model kept current by a catch-up subscription to `$all` that then stays live.
 * A dropped subscription is reopened after the last applied position (event-store subscriptions are
 * known to drop silently); an event that fails to apply is reported and skipped, not retried
 * forever, so one bad event cannot freeze revocations behind it.
 */
export class AccessIndex implements AccessLookup {
  private readonly state: AccessState;
  private readonly retryDelayMs: number;
  private readonly onError: (message: string, error: unknown) => void;
  private waiters: Waiter[] = [];
  private subscription: AllSubscription | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    options: AccessIndexOptions = {},
  ) {
    this.state = options.state ?? new AccessState();
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.onError = options.onError ?? ((message, error) => console.error(message, error));
  }

  /** Subscribes and resolves once every event written before the call is applied. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.loop !== undefined) throw new Error('the access index is already started');
    const head = await this.store.headPosition();
    this.loop = this.run();
    if (!(await this.waitForPosition(head, timeoutMs))) {
      await this.stop();
      throw new Error(`the access index did not catch up with position ${head} within ${timeoutMs} ms`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.loop;
    for (const waiter of this.waiters) settle(waiter, false);
    this.waiters = [];
  }

  position(): number {
    return this.state.position;
  }

  /** True once the event at `position` (or later) is applied; false when `timeoutMs` passed first. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (this.state.position >= position) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((other) => other !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  hasEnvironment(environmentId: string): boolean {
    return this.state.hasEnvironment(environmentId);
  }

  tokenByHash(tokenHash: string): IndexedToken | undefined {
    return this.state.tokenByHash(tokenHash);
  }

  connector(environmentId: string, appConnectorId: string): IndexedConnector | undefined {
    return this.state.connector(environmentId, appConnectorId);
  }

  isMember(environmentId: string, groupId: string, userId: string): boolean {
    return this.state.isMember(environmentId, groupId, userId);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const subscription = this.store.subscribeToAll({ after: this.state.position });
      this.subscription = subscription;
      let sinceTurn = 0;
      try {
        for await (const event of subscription) {
          try {
            this.state.apply(event);
          } catch (error) {
            this.onError(`access index: skipped event ${event.type} at position ${event.position}`, error);
          }
          this.releaseWaiters();
          if (++sinceTurn === EVENTS_PER_TURN) {
            sinceTurn = 0;
            await nextTurn();
          }
        }
      } catch (error) {
        this.onError('access index: subscription failed; resubscribing', error);
      } finally {
        await subscription.close();
      }
      if (!this.stopped) await sleep(this.retryDelayMs);
    }
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const position = this.state.position;
    const reached = this.waiters.filter((waiter) => waiter.position <= position);
    if (reached.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.position > position);
    for (const waiter of reached) settle(waiter, true);
  }
}

function settle(waiter: Waiter, reached: boolean): void {
  clearTimeout(waiter.timer);
  waiter.resolve(reached);
}
