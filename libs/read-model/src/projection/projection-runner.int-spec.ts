import { MemoryEventStore } from '#event-store';
import { SqliteReadStore } from '../store/sqlite/sqlite-read-store.js';
import type { ReadStore } from '../store/read-store.port.js';
import { FailingReadStore } from '../testing/failing-read-store.js';
import { snapshotReadModel } from '../testing/read-model-snapshot.js';
import { appendEvent, appendSampleEvents } from '../testing/sample-events.js';
import { thingsProjection, typeCountsProjection, type PoisonSwitch } from '../testing/sample-projections.js';
import { silentLogger, temporaryDirectory } from '../testing/sqlite-fixture.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

const EVENTS = 400;
const files = temporaryDirectory('projection-runner-');
afterAll(() => files.cleanup());
let fileNumber = 0;
const newFile = () => files.file(`read-${++fileNumber}.db`);
const projections = (): Projection[] => [thingsProjection(), typeCountsProjection()];

async function projectToHead(eventStore: MemoryEventStore, store: ReadStore, maxBatchSize = 50): Promise<void> {
  const runner = new ProjectionRunner({ eventStore, store, projections: projections(), maxBatchSize, logger: silentLogger });
  await runner.start();
  const reached = await runner.waitForPosition(await eventStore.headPosition(), 10_000);
  await runner.stop();
  expect(reached).toBe(true);
}

async function cleanSnapshot(eventStore: MemoryEventStore) {
  const store = SqliteReadStore.open({ file: newFile() });
  await projectToHead(eventStore, store, 1000);
  const snapshot = await snapshotReadModel(store, projections());
  await store.close();
  return snapshot;
}

describe('ProjectionRunner on SQLite', () => {
  let eventStore: MemoryEventStore;

  beforeEach(async () => {
    eventStore = new MemoryEventStore();
    await appendSampleEvents(eventStore, EVENTS, 7);
  });

  afterEach(() => eventStore.close());

  // 400 events in batches of 50, both projections in one transaction per batch: transactions 1..8
  // (ensureCollections is not one). A failed commit leaves both read models at the previous batch.
  it.each([1, 2, 5, 8])('resumes after a commit failed mid-way (transaction %i) to the same read model as a clean run', async (failingTransaction) => {
    const file = newFile();
    const crashed = new FailingReadStore(SqliteReadStore.open({ file }), (number) => number === failingTransaction);
    const failed = new Promise<void>((resolve) => {
      const runner = new ProjectionRunner({
        eventStore, store: crashed, projections: projections(), maxBatchSize: 50,
        logger: { warn: () => undefined, error: () => void runner.stop().then(resolve) },
        retryDelayMs: { initial: 10_000, max: 10_000 },
      });
      void runner.start();
    });
    await failed;
    const stoppedAt = await crashed.getCheckpoint('things');
    expect(stoppedAt).toBe((failingTransaction - 1) * 50);
    expect(await crashed.getCheckpoint('type_counts')).toBe(stoppedAt);
    await crashed.close();

    const resumed = SqliteReadStore.open({ file });
    await projectToHead(eventStore, resumed);
    expect(await snapshotReadModel(resumed, projections())).toEqual(await cleanSnapshot(eventStore));
    await resumed.close();
  });

  it('resumes after a stop after a random number of batches to the same read model as a clean run', async () => {
    const file = newFile();
    const first = SqliteReadStore.open({ file });
    const runner = new ProjectionRunner({ eventStore, store: first, projections: projections(), maxBatchSize: 7, logger: silentLogger });
    const stopAfter = 1 + Math.floor(Math.random() * 50);
    let batches = 0;
    const stopped = new Promise<void>((resolve) =>
      runner.onApplied(() => {
        if (++batches === stopAfter) void runner.stop().then(resolve);
      }),
    );
    await runner.start();
    await stopped;
    expect(await first.getCheckpoint('things')).toBeLessThan(EVENTS);
    await first.close();

    const second = SqliteReadStore.open({ file });
    await projectToHead(eventStore, second);
    expect(await snapshotReadModel(second, projections())).toEqual(await cleanSnapshot(eventStore));
    await second.close();
  });

  it('changes nothing when the same events are applied twice', async () => {
    const store = SqliteReadStore.open({ file: newFile() });
    await projectToHead(eventStore, store);
    const before = await snapshotReadModel(store, projections());
    const everything = await eventStore.readAll();
    for (const projection of projections()) {
      await store.transaction(async (tx) => {
        for (const event of everything) if (projection.handles(event.type)) await projection.apply(event, tx);
      });
    }
    expect(await snapshotReadModel(store, projections())).toEqual(before);
    await store.close();
  });

  it('dead-letters a poison event, skips it, and applies it on retry after a fix', async () => {
    const store = SqliteReadStore.open({ file: newFile() });
    const poison: PoisonSwitch = { fixed: false };
    const runner = new ProjectionRunner({ eventStore, store, projections: [thingsProjection(poison)], logger: silentLogger });
    await runner.start();
    const poisoned = await appendEvent(eventStore, 'poisoned', 'ThingCreated', { name: 'p', group: 'g', poison: true });
    const healthy = await appendEvent(eventStore, 'healthy', 'ThingCreated', { name: 'h', group: 'g' });
    expect(await runner.waitForPosition(healthy, 5000)).toBe(true);

    expect(await store.get('things', 'poisoned')).toBeNull();
    expect(await store.get('things', 'healthy')).not.toBeNull();
    const [letter] = await store.listDeadLetters();
    expect(letter).toMatchObject({ projection: 'things', position: poisoned, streamId: 'poisoned', type: 'ThingCreated' });
    expect((await runner.status()).deadLetters).toBe(1);

    await expect(runner.retryDeadLetter(letter!.id)).rejects.toThrow(/poison/);
    expect(await store.listDeadLetters()).toHaveLength(1);
    poison.fixed = true;
    await runner.retryDeadLetter(letter!.id);
    expect(await store.get('things', 'poisoned')).toMatchObject({ name: 'p', lastPosition: poisoned });
    expect(await store.listDeadLetters()).toEqual([]);
    await runner.stop();
    await store.close();
  });

  it('lets timers fire during a long catch-up', async () => {
    const longHistory = new MemoryEventStore();
    await appendSampleEvents(longHistory, 20_000, 11);
    const head = await longHistory.headPosition();
    const store = SqliteReadStore.open({ file: newFile() });
    const runner = new ProjectionRunner({ eventStore: longHistory, store, projections: projections(), logger: silentLogger });
    let ticksWhileBehind = 0;
    const timer = setInterval(() => runner.position() < head && ticksWhileBehind++, 1);
    try {
      await runner.start();
      expect(await runner.waitForPosition(head, 30_000)).toBe(true);
    } finally {
      clearInterval(timer);
      await runner.stop();
      await store.close();
      await longHistory.close();
    }
    expect(ticksWhileBehind).toBeGreaterThan(0);
  });

  it('resolves waitForPosition when the write is projected and times out otherwise', async () => {
    const store = SqliteReadStore.open({ file: newFile() });
    const runner = new ProjectionRunner({ eventStore, store, projections: projections(), logger: silentLogger });
    await runner.start();
    const waiting = runner.waitForPosition(EVENTS + 1, 5000);
    const position = await appendEvent(eventStore, 'late', 'ThingCreated', { name: 'l', group: 'g' });
    expect(position).toBe(EVENTS + 1);
    expect(await waiting).toBe(true);
    expect(await store.get('things', 'late')).not.toBeNull();
    expect(await runner.waitForPosition(EVENTS + 2, 50)).toBe(false);
    await runner.stop();
    await store.close();
  });
});
