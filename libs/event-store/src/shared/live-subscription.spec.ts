import type { RecordedEvent } from '../event-store.port.js';
import type { ChangeSignal } from './change-notifier.js';
import { LiveSubscription, type LiveSubscriptionSource } from './live-subscription.js';

const event = (position: number): RecordedEvent => ({
  id: `id-${position}`,
  streamId: 's',
  type: 'T',
  data: {},
  metadata: { actor: 'a', correlationId: 'c', causationId: 'c', sourceIp: null, time: 't', schemaVersion: 1 },
  revision: position - 1,
  position,
});

/** A log the test grows by hand, with a signal that counts its listeners. */
function fakeSource(pollIntervalMs = 0) {
  const log: RecordedEvent[] = [];
  const listeners = new Set<() => void>();
  const changes: ChangeSignal = {
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const source: LiveSubscriptionSource = {
    readAfter: async (after, maxCount) => log.filter((e) => e.position > after).slice(0, maxCount),
    changes,
    pollIntervalMs,
  };
  const append = (signal: boolean) => {
    log.push(event(log.length + 1));
    if (signal) listeners.forEach((listener) => listener());
  };
  return { source, append, listeners };
}

describe('LiveSubscription', () => {
  it('stops listening when the consumer breaks out of for await', async () => {
    const { source, append, listeners } = fakeSource();
    append(false);
    const subscription = new LiveSubscription(source, 0, 10, () => undefined);
    expect(listeners.size).toBe(1);
    for await (const received of subscription) {
      expect(received.position).toBe(1);
      break;
    }
    expect(listeners.size).toBe(0);
  });

  it('sees an append that signals while a batch is being consumed', async () => {
    const { source, append } = fakeSource();
    append(false);
    const iterator = new LiveSubscription(source, 0, 10, () => undefined)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ position: 1 });
    append(true);
    expect((await iterator.next()).value).toMatchObject({ position: 2 });
  });

  it('finds an unsignalled append by polling', async () => {
    const { source, append } = fakeSource(10);
    const iterator = new LiveSubscription(source, 0, 10, () => undefined)[Symbol.asyncIterator]();
    const next = iterator.next();
    setTimeout(() => append(false), 30);
    expect((await next).value).toMatchObject({ position: 1 });
  });

  it('lets the event loop turn between full batches while catching up', async () => {
    const { source, append } = fakeSource();
    for (let i = 0; i < 25; i++) append(false);
    const iterator = new LiveSubscription(source, 0, 10, () => undefined)[Symbol.asyncIterator]();
    let turned = false;
    setImmediate(() => (turned = true));
    for (let i = 0; i < 10; i++) await iterator.next();
    expect(turned).toBe(false);
    expect((await iterator.next()).value).toMatchObject({ position: 11 });
    expect(turned).toBe(true);
  });

  it('tells its owner once when closed', async () => {
    const { source } = fakeSource();
    const closed: LiveSubscription[] = [];
    const subscription = new LiveSubscription(source, 0, 10, (closing) => closed.push(closing));
    await subscription.close();
    await subscription.close();
    expect(closed).toEqual([subscription]);
  });
});
