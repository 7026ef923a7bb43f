import { MemoryEventStore } from '#event-store';
import { SqliteReadStore } from '../store/sqlite/sqlite-read-store.js';
import { UnknownGenerationError } from '../store/read-store.errors.js';
import { FailingReadStore } from '../testing/failing-read-store.js';
import { snapshotReadModel } from '../testing/read-model-snapshot.js';
import { appendEvent, appendSampleEvents } from '../testing/sample-events.js';
import { thingsProjection, typeCountsProjection } from '../testing/sample-projections.js';
import { silentLogger, temporaryDirectory } from '../testing/sqlite-fixture.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuild, type RebuildProgress } from './rebuild.js';

const files = temporaryDirectory('rebuild-');
afterAll(() => files.cleanup());
let fileNumber = 0;
const projections = (): Projection[] => [thingsProjection(), typeCountsProjection()];

describe('rebuild on SQLite', () => {
  let eventStore: MemoryEventStore;
  let store: SqliteReadStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    eventStore = new MemoryEventStore();
    await appendSampleEvents(eventStore, 1000, 3);
    store = SqliteReadStore.open({ file: files.file(`read-${++fileNumber}.db`) });
    runner = new ProjectionRunner({ eventStore, store, projections: projections(), logger: silentLogger });
    await runner.start();
    expect(await runner.waitForPosition(1000, 5000)).toBe(true);
  });

  afterEach(async () => {
    await runner.stop();
    await store.close();
    await eventStore.close();
  });

  it('replays into a new generation while readers keep the old one, then switches and the runner goes on', async () => {
    const before = await snapshotReadModel(store, projections());
    const oldGeneration = await store.activeGeneration();
    const progress: RebuildProgress[] = [];
    let duringReplay: Awaited<ReturnType<typeof snapshotReadModel>> | undefined;
    let appendedDuringReplay: Promise<number> | undefined;

    const result = await rebuild({
      eventStore, store, projections: projections(), batchSize: 300, liveRunner: runner,
      onProgress: (report) => {
        progress.push(report);
        if (progress.length === 1) {
          appendedDuringReplay = appendEvent(eventStore, 'during', 'ThingCreated', { name: 'd', group: 'g' });
          void snapshotReadModel(store, projections()).then((snapshot) => (duringReplay = snapshot));
        }
      },
    });

    expect(duringReplay?.documents).toEqual(before.documents);
    expect(result.generation).not.toBe(oldGeneration);
    expect(await store.activeGeneration()).toBe(result.generation);
    expect(result).toMatchObject({ position: 1001, eventsDone: 1001, deadLetters: 0 });
    expect(progress.map((report) => report.phase)).toContain('replaying');
    expect(progress.at(-1)).toMatchObject({ phase: 'switched', eventsDone: 1001, position: 1001 });
    expect(progress.every((report) => report.eventsPerSecond >= 0)).toBe(true);
    expect(await appendedDuringReplay).toBe(1001);
    expect(await store.get('things', 'during')).not.toBeNull();

    const after = await appendEvent(eventStore, 'after', 'ThingCreated', { name: 'a', group: 'g' });
    expect(await runner.waitForPosition(after, 5000)).toBe(true);
    expect(await store.get('things', 'after')).toMatchObject({ lastPosition: after });

    const clean = SqliteReadStore.open({ file: files.file(`clean-${fileNumber}.db`) });
    const cleanRunner = new ProjectionRunner({ eventStore, store: clean, projections: projections(), logger: silentLogger });
    await cleanRunner.start();
    await cleanRunner.waitForPosition(after, 5000);
    await cleanRunner.stop();
    expect(await snapshotReadModel(store, projections())).toEqual(await snapshotReadModel(clean, projections()));
    await clean.close();
  });

  it('drops the new generation and leaves the live one untouched when the rebuild fails', async () => {
    const before = await snapshotReadModel(store, projections());
    const live = await store.activeGeneration();
    const failingStore = new FailingReadStore(store, (transaction) => transaction === 3);
    await expect(rebuild({ eventStore, store: failingStore, projections: projections(), batchSize: 100 })).rejects.toThrow(
      'injected commit failure',
    );
    expect(await store.activeGeneration()).toBe(live);
    expect(await snapshotReadModel(store, projections())).toEqual(before);
    await expect(store.transaction(async () => 1, { generation: live + 1 })).rejects.toBeInstanceOf(UnknownGenerationError);

    const position = await appendEvent(eventStore, 'still-live', 'ThingCreated', { name: 's', group: 'g' });
    expect(await runner.waitForPosition(position, 5000)).toBe(true);
  });

  it('moves poison events of the replay to the new generation\'s dead letters', async () => {
    const broken: Projection = { ...thingsProjection(), apply: async () => Promise.reject(new Error('all poison')) };
    const result = await rebuild({ eventStore, store, projections: [broken, typeCountsProjection()], liveRunner: runner });
    expect(result.deadLetters).toBeGreaterThan(0);
    expect(await store.listDeadLetters()).toHaveLength(result.deadLetters);
    expect((await store.find('things')).items).toEqual([]);
  });
});

describe('rebuild of a long history', () => {
  it('lets timers fire while it replays', async () => {
    const eventStore = new MemoryEventStore();
    await appendSampleEvents(eventStore, 20_000, 13);
    const store = SqliteReadStore.open({ file: files.file(`read-${++fileNumber}.db`) });
    let eventsDone = 0;
    let ticksWhileReplaying = 0;
    const timer = setInterval(() => eventsDone > 0 && eventsDone < 20_000 && ticksWhileReplaying++, 1);
    try {
      await rebuild({ eventStore, store, projections: projections(), batchSize: 500, onProgress: (progress) => (eventsDone = progress.eventsDone) });
    } finally {
      clearInterval(timer);
      await store.close();
      await eventStore.close();
    }
    expect(eventsDone).toBe(20_000);
    expect(ticksWhileReplaying).toBeGreaterThan(0);
  });
});
