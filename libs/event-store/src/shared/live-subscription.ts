import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AllSubscription, RecordedEvent } from '../event-store.port.js';
import type { ChangeSignal } from './change-notifier.js';

export interface LiveSubscriptionSource {
  /** Events strictly after `after` in global order, at most `maxCount` of them. */
  readAfter(after: number, maxCount: number): Promise<RecordedEvent[]>;
  readonly changes: ChangeSignal;
  /** Look again after this long without a signal (0: never), for writers the signal cannot hear. */
  readonly pollIntervalMs: number;
}

/**
 * Catch-up subscription over a store that can be read by position: read a batch after the last
 * delivered position, and when a batch comes back short, sleep until a change signal or the poll.
 * Catch-up and live are the same loop, so nothing can be lost or repeated at the switch; a signal
 * that arrives while a batch is being read or consumed marks the store changed and skips the sleep.
 * While catching up it lets the event loop turn between batches: a store read synchronously (SQLite,
 * memory) would otherwise keep timers and I/O waiting until the whole backlog is consumed.
 */
export class LiveSubscription implements AllSubscription {
  private closed = false;
  private changed = true;
  private wake: (() => void) | undefined;
  private readonly stopListening: () => void;
  private readonly events: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly source: LiveSubscriptionSource,
    private after: number,
    private readonly batchSize: number,
    private readonly onClose: (subscription: LiveSubscription) => void,
  ) {
    this.stopListening = source.changes.listen(() => {
      this.changed = true;
      this.wake?.();
    });
    this.events = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    this.wake?.();
    this.onClose(this);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    try {
      while (!this.closed) {
        this.changed = false;
        const batch = await this.source.readAfter(this.after, this.batchSize);
        for (const event of batch) {
          if (this.closed) return;
          this.after = event.position;
          yield event;
        }
        if (batch.length < this.batchSize) await this.idle();
        else await nextTurn();
      }
    } finally {
      await this.close();
    }
  }

  private idle(): Promise<void> {
    if (this.changed || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = this.source.pollIntervalMs > 0 ? setTimeout(done, this.source.pollIntervalMs) : undefined;
      this.wake = done;
    });
  }
}
