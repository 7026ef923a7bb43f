import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AllSubscription, EventStore, RecordedEvent } from '../event-store.port.js';
import { MemoryEventStore } from '../memory/memory-event-store.js';
import { EventFollower } from './event-follower.js';
import type { EventFollowerOptions } from './event-follower.options.js';

const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', sourceIp: null, time: '2026-01-01T00:00:00Z', schemaVersion: 1 };
const append = (store: EventStore, count = 1) =>
  store.appendToStream('s', Array.from({ length: count }, () => ({ type: 'Noted', data: {}, metadata })), { expectedRevision: 'any' });

type Store = EventFollowerOptions['eventStore'];

/** A consumer that keeps its position in memory, as the guard's index does. */
function follow(eventStore: Store, options: Partial<EventFollowerOptions> = {}) {
  const handled: number[] = [];
  const failures: { message: string; error: unknown; expected: boolean }[] = [];
  const follower = new EventFollower({
    eventStore,
    resumeAfter: () => handled.at(-1) ?? 0,
    handle: (batch) => void handled.push(...batch.map((event) => event.position)),
    retryDelayMs: { initial: 1, max: 4 },
    onError: (message, error, expected) => failures.push({ message, error, expected }),
    ...options,
  });
  followers.push(follower);
  return { follower, handled, failures, messages: () => failures.map(({ message }) => message) };
}

const followers: EventFollower[] = [];
afterEach(async () => {
  await Promise.all(followers.splice(0).map((follower) => follower.stop()));
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A subscription of `store` that `misbehave` takes over after `delivered` events. */
function subscriptionThat(store: EventStore, options: { after?: number }, delivered: number, misbehave: () => Promise<IteratorResult<RecordedEvent>>) {
  const subscription = store.subscribeToAll(options);
  const events = subscription[Symbol.asyncIterator]();
  let count = 0;
  const wrapped = {
    closed: false,
    close: async () => {
      wrapped.closed = true;
      await subscription.close();
    },
    [Symbol.asyncIterator]: () => ({ next: () => (++count > delivered ? misbehave() : events.next()) }),
  };
  return wrapped;
}

describe('EventFollower', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('reads pages while behind, then follows live events on one subscription', async () => {
    await append(store, 5);
    const pages: number[] = [];
    const subscribedAfter: (number | undefined)[] = [];
    const spied: Store = {
      readAll: async (options) => {
        const page = await store.readAll(options);
        pages.push(page.length);
        return page;
      },
      subscribeToAll: (options) => (subscribedAfter.push(options?.after), store.subscribeToAll(options)),
    };
    const { follower, handled } = follow(spied, { catchUpPageSize: 2 });
    await follower.start();
    expect(await follower.waitForPosition(5, 1000)).toBe(true);
    await append(store, 2);
    expect(await follower.waitForPosition(7, 1000)).toBe(true);
    expect(handled).toEqual(range(1, 7));
    expect(pages).toEqual([2, 2, 1]);
    expect(subscribedAfter).toEqual([5]);
    expect(follower.state).toBe('running');
  });

  it('starts after the position the consumer has reached', async () => {
    await append(store, 5);
    const { follower, handled } = follow(store, { resumeAfter: async () => 3 });
    await follower.start();
    expect(follower.position()).toBe(3);
    expect(await follower.waitForPosition(5, 1000)).toBe(true);
    expect(handled).toEqual([4, 5]);
  });

  it('says false when a position is not reached in time, and false to pending waits on stop', async () => {
    const { follower } = follow(store);
    await follower.start();
    expect(await follower.waitForPosition(1, 20)).toBe(false);
    const pending = follower.waitForPosition(1, 10_000);
    await follower.stop();
    await expect(pending).resolves.toBe(false);
  });

  it('resubscribes after the last handled event when the subscription ends by itself', async () => {
    const subscriptions: ReturnType<typeof subscriptionThat>[] = [];
    const dropping: Store = {
      readAll: (options) => store.readAll(options),
      subscribeToAll: (options = {}) => {
        const subscription = subscriptionThat(store, options, subscriptions.length === 0 ? 2 : Infinity, async () => ({ done: true, value: undefined }));
        subscriptions.push(subscription);
        return subscription;
      },
    };
    const { follower, handled, messages } = follow(dropping);
    await follower.start();
    for (let i = 0; i < 4; i++) {
      const { position } = await append(store);
      expect(await follower.waitForPosition(position, 1000)).toBe(true);
    }
    expect(handled).toEqual(range(1, 4));
    expect(messages()).toEqual(['following $all failed; retrying in 1 ms']);
    expect(follower.lastError).toEqual({ message: 'SubscriptionEndedError: the $all subscription ended by itself', at: expect.any(String) });
    expect(subscriptions.map(({ closed }) => closed)).toEqual([true, false]);
  });

  it('closes a failed subscription and resumes from the consumer\'s position', async () => {
    const subscriptions: ReturnType<typeof subscriptionThat>[] = [];
    const failing: Store = {
      readAll: (options) => store.readAll(options),
      subscribeToAll: (options = {}) => {
        const subscription = subscriptionThat(store, options, subscriptions.length === 0 ? 1 : Infinity, () => Promise.reject(new Error('connection lost')));
        subscriptions.push(subscription);
        return subscription;
      },
    };
    const { follower, handled, failures } = follow(failing);
    await follower.start();
    await append(store);
    await append(store);
    expect(await follower.waitForPosition(2, 1000)).toBe(true);
    expect(handled).toEqual([1, 2]);
    expect(failures).toEqual([{ message: 'following $all failed; retrying in 1 ms', error: new Error('connection lost'), expected: false }]);
    expect(follower.lastError?.message).toBe('Error: connection lost');
    expect(subscriptions[0]!.closed).toBe(true);
  });

  it('doubles the delay after each failure up to the maximum, and starts again from the initial delay after a handled batch', async () => {
    await append(store);
    let readsToFail = 4;
    const down: Store = {
      readAll: async (options) => {
        if (readsToFail-- > 0) throw new Error('store down');
        return store.readAll(options);
      },
      subscribeToAll: (options) => store.subscribeToAll(options),
    };
    let failOnPosition2 = true;
    const { follower, handled, messages } = follow(down, {
      handle: (batch) => {
        if (failOnPosition2 && batch.some((event) => event.position === 2)) {
          failOnPosition2 = false;
          throw new Error('consumer failed');
        }
        handled.push(...batch.map((event) => event.position));
      },
    });
    await follower.start();
    expect(await follower.waitForPosition(1, 1000)).toBe(true);
    await append(store);
    expect(await follower.waitForPosition(2, 1000)).toBe(true);
    expect(messages().map((message) => message.replace('following $all failed; ', ''))).toEqual([
      'retrying in 1 ms',
      'retrying in 2 ms',
      'retrying in 4 ms',
      'retrying in 4 ms',
      'retrying in 1 ms',
    ]);
    expect(handled).toEqual([1, 2]);
  });

  it('resumes at once after an expected error: no backoff, no lastError, the consumer\'s position reloaded', async () => {
    class Conflict extends Error {}
    await append(store, 3);
    let conflicts = 1;
    let resumes = 0;
    const { follower, handled, failures } = follow(store, {
      retryDelayMs: { initial: 60_000, max: 60_000 },
      isExpected: (error) => error instanceof Conflict,
      resumeAfter: () => (resumes++, handled.at(-1) ?? 0),
      handle: (batch) => {
        if (conflicts-- > 0) throw new Conflict('checkpoint moved');
        handled.push(...batch.map((event) => event.position));
      },
    });
    await follower.start();
    expect(await follower.waitForPosition(3, 1000)).toBe(true);
    expect(handled).toEqual([1, 2, 3]);
    expect(failures).toEqual([{ message: 'Error: checkpoint moved', error: expect.any(Conflict), expected: true }]);
    expect(follower.lastError).toBeNull();
    expect(resumes).toBe(2);
  });

  it('stops during catch-up without waiting for the page it is reading', async () => {
    let subscribed = false;
    const stuck: Store = { readAll: () => new Promise(() => undefined), subscribeToAll: (options) => ((subscribed = true), store.subscribeToAll(options)) };
    const { follower, handled } = follow(stuck);
    await follower.start();
    await nextTurn();
    await follower.stop();
    expect(follower.state).toBe('stopped');
    expect([handled, subscribed]).toEqual([[], false]);
  });

  it('finishes the batch in hand on stop, then follows no further', async () => {
    await append(store, 3);
    let release: () => void = () => undefined;
    const { follower } = follow(store, { handle: () => new Promise<void>((resolve) => (release = resolve)) });
    await follower.start();
    await nextTurn();
    const stopping = follower.stop();
    expect(follower.state).toBe('stopping');
    release();
    await stopping;
    expect(follower.position()).toBe(3);
    await append(store);
    expect(await follower.waitForPosition(4, 50)).toBe(false);
  });

  it('stops during a backoff without waiting for it', async () => {
    const down: Store = { readAll: () => Promise.reject(new Error('store down')), subscribeToAll: (options) => store.subscribeToAll(options) };
    const { follower } = follow(down, { retryDelayMs: { initial: 60_000, max: 60_000 } });
    await follower.start();
    await nextTurn();
    expect(follower.state).toBe('retrying');
    const started = Date.now();
    await follower.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('closes its subscription on stop and resumes after its position on start', async () => {
    const subscriptions: AllSubscription[] = [];
    let closed = 0;
    const spied: Store = {
      readAll: (options) => store.readAll(options),
      subscribeToAll: (options) => {
        const subscription = store.subscribeToAll(options);
        subscriptions.push(subscription);
        return { close: () => (closed++, subscription.close()), [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator]() };
      },
    };
    const { follower, handled } = follow(spied);
    await follower.start();
    await append(store);
    expect(await follower.waitForPosition(1, 1000)).toBe(true);
    await follower.stop();
    expect(closed).toBe(1);
    await append(store);
    await follower.start();
    expect(await follower.waitForPosition(2, 1000)).toBe(true);
    expect(handled).toEqual([1, 2]);
  });

  it('rejects start when the consumer cannot say where to resume, and can start later', async () => {
    let broken = true;
    const { follower } = follow(store, {
      resumeAfter: () => {
        if (broken) throw new Error('checkpoints unreadable');
        return 0;
      },
    });
    await expect(follower.start()).rejects.toThrow('checkpoints unreadable');
    expect(follower.state).toBe('stopped');
    broken = false;
    await follower.start();
    expect(follower.state).toBe('running');
  });

  it('lets timers fire while it follows a long backlog', async () => {
    for (let i = 0; i < 20; i++) await append(store, 1000);
    const busyForAMillisecond = () => {
      for (const until = Date.now() + 1; Date.now() <= until; );
    };
    const { follower } = follow(store, { handle: busyForAMillisecond, maxBatchSize: 1000 });
    let ticksWhileBehind = 0;
    const timer = setInterval(() => follower.position() < 20_000 && ticksWhileBehind++, 1);
    try {
      await follower.start();
      expect(await follower.waitForPosition(20_000, 5000)).toBe(true);
    } finally {
      clearInterval(timer);
    }
    expect(ticksWhileBehind).toBeGreaterThan(0);
  });
});
