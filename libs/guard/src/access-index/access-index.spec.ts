import { MemoryEventStore, type EventStore, type NewEvent } from '#event-store';
import { hashTokenData } from '#domain';
import { e, liveConnector, TOKEN_DATA } from '../testing/access-events.js';
import { AccessIndex } from './access-index.js';

const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', sourceIp: null, time: '2026-01-01T00:00:00Z', schemaVersion: 1 };
const append = (store: EventStore, events: readonly { type: string; data: object }[]) =>
  store.appendToStream('s', events.map((event): NewEvent => ({ ...event, data: event.data as NewEvent['data'], metadata })), { expectedRevision: 'any' });

describe('AccessIndex', () => {
  let store: MemoryEventStore;
  let index: AccessIndex | undefined;
  beforeEach(() => {
    store = new MemoryEventStore();
  });
  afterEach(() => index?.stop());

  it('replays everything written before start, then follows new events', async () => {
    await append(store, liveConnector());
    index = new AccessIndex(store);
    await index.start();
    expect(index.position()).toBe(9);
    expect(index.tokenByHash(hashTokenData(TOKEN_DATA))?.revoked).toBe(false);
    const { position } = await append(store, [e.tokenRevoked()]);
    expect(await index.waitForPosition(position, 1000)).toBe(true);
    expect(index.tokenByHash(hashTokenData(TOKEN_DATA))?.revoked).toBe(true);
  });

  it('says false when a position is not reached in time', async () => {
    index = new AccessIndex(store);
    await index.start();
    expect(await index.waitForPosition(5, 20)).toBe(false);
  });

  it('reports an event that fails to apply and carries on after it', async () => {
    const errors: string[] = [];
    await append(store, [e.created(), { type: 'GetConnectorsGranted', data: e.blocked().data }, e.blocked()]);
    index = new AccessIndex(store, { onError: (message) => errors.push(message) });
    await index.start();
    expect(errors).toEqual(['access index: skipped event GetConnectorsGranted at position 2']);
    expect(index.position()).toBe(3);
  });

  it('follows the store again after the last applied position when the subscription fails', async () => {
    let failOnce = true;
    const flaky: EventStore = Object.create(store, {
      subscribeToAll: {
        value: (options: { after?: number }) => {
          const subscription = store.subscribeToAll(options);
          if (!failOnce) return subscription;
          failOnce = false;
          const iterator = subscription[Symbol.asyncIterator]();
          let delivered = 0;
          return {
            close: () => subscription.close(),
            [Symbol.asyncIterator]: () => ({
              next: () => (++delivered > 3 ? Promise.reject(new Error('connection lost')) : iterator.next()),
            }),
          };
        },
      },
    });
    const errors: string[] = [];
    index = new AccessIndex(flaky, { retryDelayMs: { initial: 1, max: 1 }, onError: (message) => errors.push(message) });
    await index.start();
    const { position } = await append(store, liveConnector());
    expect(await index.waitForPosition(position, 1000)).toBe(true);
    expect(index.tokenByHash(hashTokenData(TOKEN_DATA))?.revoked).toBe(false);
    expect(errors).toEqual(['access index: following $all failed; retrying in 1 ms']);
  });

  it('says it is retrying, with the failure, while the store cannot be followed, and running again once it can', async () => {
    let failing = true;
    const unreachable: EventStore = Object.create(store, {
      subscribeToAll: {
        value: (options: { after?: number }) => {
          const subscription = store.subscribeToAll(options);
          if (!failing) return subscription;
          return { close: () => subscription.close(), [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('connection lost')) }) };
        },
      },
    });
    const errors: string[] = [];
    index = new AccessIndex(unreachable, { retryDelayMs: { initial: 20, max: 20 }, onError: (message) => errors.push(message) });
    await index.start();
    while (errors.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(index.status()).toMatchObject({ state: 'retrying', position: 0, lastError: { message: 'Error: connection lost' } });
    failing = false;
    const { position } = await append(store, liveConnector());
    expect(await index.waitForPosition(position, 1000)).toBe(true);
    expect(index.status()).toMatchObject({ state: 'running', position, lastError: { message: 'Error: connection lost' } });
  });

  it('lets timers fire while it replays a long history at start', async () => {
    const connectors = Array.from({ length: 1000 }, (_, i) => ({ type: 'AppConnectorCreated', data: { ...e.created().data, appConnectorId: `c${i}` } }));
    for (let i = 0; i < 20; i++) await append(store, connectors.map((event) => ({ ...event, data: { ...event.data, environmentId: `${10000 + i}` } })));
    index = new AccessIndex(store);
    let ticksWhileBehind = 0;
    const timer = setInterval(() => index!.position() < 20_000 && ticksWhileBehind++, 1);
    try {
      await index.start();
    } finally {
      clearInterval(timer);
    }
    expect(index.position()).toBe(20_000);
    expect(index.connector('10019', 'c999')).toBeDefined();
    expect(ticksWhileBehind).toBeGreaterThan(0);
  });

  it('gives up a start that does not catch up in time', async () => {
    await append(store, liveConnector());
    const stuck: EventStore = Object.create(store, { readAll: { value: () => new Promise(() => undefined) } });
    index = new AccessIndex(stuck);
    await expect(index.start(20)).rejects.toThrow('the access index did not catch up with position 9 within 20 ms');
    expect(index.position()).toBe(0);
  });

  it('stops following the store on stop', async () => {
    index = new AccessIndex(store);
    await index.start();
    await index.stop();
    await append(store, liveConnector());
    expect(await index.waitForPosition(1, 50)).toBe(false);
    expect(index.position()).toBe(0);
  });
});
