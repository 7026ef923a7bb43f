import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AllStreamSubscription,
  ErrorType,
  type EventStoreDBClient,
  excludeSystemEvents,
  isCommandError,
} from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent } from '../event-store.port.js';
import { isSystemEvent, toReadPosition, toRecordedEvent } from './eventstoredb-mapping.js';

/** Retrying these cannot help: the request itself is wrong or not allowed. */
const PERMANENT_ERRORS: ReadonlySet<ErrorType> = new Set([
  ErrorType.ACCESS_DENIED,
  ErrorType.INVALID_ARGUMENT,
  ErrorType.UNSUPPORTED,
]);

/**
 * A `$all` catch-up subscription that survives dropped connections: when the server stream ends
 * or fails with a transient error, it subscribes again after the last delivered position.
 * `$all` subscriptions start strictly after `fromPosition`, which is exactly our `after`.
 */
export class EventStoreDbSubscription implements AllSubscription {
  private closed = false;
  private current: AllStreamSubscription | undefined;
  private readonly stopped = new AbortController();
  private readonly events: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly client: EventStoreDBClient,
    private after: number,
    private readonly resubscribeDelayMs: number,
    private readonly onClose: (subscription: EventStoreDbSubscription) => void,
  ) {
    this.events = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopped.abort();
    this.onClose(this);
    await this.stopCurrent();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    try {
      while (!this.closed) {
        this.current = this.client.subscribeToAll({
          fromPosition: toReadPosition(this.after),
          filter: excludeSystemEvents(),
        });
        try {
          for await (const { event } of this.current) {
            if (!event || isSystemEvent(event)) continue;
            const recorded = toRecordedEvent(event);
            this.after = recorded.position;
            yield recorded;
          }
        } catch (error) {
          if (!this.closed && !isTransient(error)) throw error;
        } finally {
          await this.stopCurrent();
        }
        await sleep(this.resubscribeDelayMs, undefined, { signal: this.stopped.signal }).catch(() => undefined);
      }
    } finally {
      await this.close();
    }
  }

  private async stopCurrent(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    await current.unsubscribe();
    // Ends a `for await` that is waiting on the server, so close() takes effect at once.
    current.destroy();
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && !PERMANENT_ERRORS.has(error.type);
}
