import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RecordedEvent } from '../event-store.port.js';

const NOTHING_READY = Symbol('nothing ready');

/**
 * Groups a subscription's events into batches: it waits for the first event, then keeps taking
 * events as long as the subscription has them ready (resolved before the next turn of the event
 * loop), up to `maxBatchSize`. So it batches while catching up or under load and hands over a single
 * event at once when idle. The pending `next()` is kept across calls, so no event is dropped.
 * One "next turn" per batch, not per event: a catch-up that never lets the loop turn would otherwise
 * pile up an immediate per event.
 */
export class EventBatcher {
  private pending: Promise<IteratorResult<RecordedEvent>> | undefined;

  constructor(
    private readonly events: AsyncIterator<RecordedEvent>,
    private readonly maxBatchSize: number,
  ) {}

  /** The next batch, or `null` once the subscription has ended. */
  async next(): Promise<RecordedEvent[] | null> {
    const first = await this.take();
    if (first.done) return null;
    const batch = [first.value];
    const turned = nextTurn(NOTHING_READY);
    while (batch.length < this.maxBatchSize) {
      const ready = await Promise.race([this.peek(), turned]);
      if (ready === NOTHING_READY) break;
      this.pending = undefined;
      if (ready.done) break;
      batch.push(ready.value);
    }
    return batch;
  }

  private peek(): Promise<IteratorResult<RecordedEvent>> {
    return (this.pending ??= this.events.next());
  }

  private async take(): Promise<IteratorResult<RecordedEvent>> {
    const result = await this.peek();
    this.pending = undefined;
    return result;
  }
}
