import type { RecordedEvent } from '../event-store.port.js';
import { EventBatcher } from './event-batcher.js';

/** An async iterator fed by hand: events pushed before `next()` are ready, later ones arrive "live". */
class Channel implements AsyncIterator<RecordedEvent> {
  private readonly queue: RecordedEvent[] = [];
  private waiting: ((result: IteratorResult<RecordedEvent>) => void) | undefined;
  private ended = false;

  push(...positions: number[]): void {
    for (const position of positions) {
      const event = { position, id: `e${position}` } as RecordedEvent;
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve({ done: false, value: event });
      } else this.queue.push(event);
    }
  }

  end(): void {
    this.ended = true;
    this.waiting?.({ done: true, value: undefined });
  }

  async next(): Promise<IteratorResult<RecordedEvent>> {
    const event = this.queue.shift();
    if (event) return { done: false, value: event };
    if (this.ended) return { done: true, value: undefined };
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

const positions = (batch: RecordedEvent[] | null) => batch?.map((event) => event.position) ?? null;

describe('EventBatcher', () => {
  it('takes every ready event up to the maximum batch size', async () => {
    const channel = new Channel();
    channel.push(1, 2, 3, 4, 5);
    const batcher = new EventBatcher(channel, 3);
    expect(positions(await batcher.next())).toEqual([1, 2, 3]);
    expect(positions(await batcher.next())).toEqual([4, 5]);
  });

  it('hands over a lone live event without waiting for more', async () => {
    const channel = new Channel();
    const batcher = new EventBatcher(channel, 100);
    const batch = batcher.next();
    setTimeout(() => channel.push(7), 5);
    expect(positions(await batch)).toEqual([7]);
  });

  it('loses no event that arrives while a batch is being closed', async () => {
    const channel = new Channel();
    channel.push(1);
    const batcher = new EventBatcher(channel, 100);
    expect(positions(await batcher.next())).toEqual([1]);
    channel.push(2);
    channel.push(3);
    expect(positions(await batcher.next())).toEqual([2, 3]);
  });

  it('returns null once the subscription has ended, after the last events', async () => {
    const channel = new Channel();
    channel.push(1, 2);
    channel.end();
    const batcher = new EventBatcher(channel, 10);
    expect(positions(await batcher.next())).toEqual([1, 2]);
    expect(await batcher.next()).toBeNull();
  });
});
