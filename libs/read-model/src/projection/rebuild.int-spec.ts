import { MemoryEventStore } from '#event-store';
import { createReadStore } from '../create-read-store.js';
import type { ReadStore } from '../read-store.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { appendServiceHistory } from '../testing/service-history.mjs';
import { silentLogger, temporaryDirectory } from '../testing/sqlite-fixture.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuild, type RebuildProgress } from './rebuild.js';

describe('rebuild on SQLite', () => {
  const files = temporaryDirectory('rebuild-');
  let eventStore: MemoryEventStore;
  let store: ReadStore;
  beforeEach(async () => {
    eventStore = new MemoryEventStore();
    await appendServiceHistory(eventStore, 40);
    store = await createReadStore({ kind: 'sqlite', file: files.file(`${Math.random()}.db`) });
  });
  afterEach(async () => {
    await store.close();
    await eventStore.close();
  });
  afterAll(() => files.cleanup());

  const everyConnector = async () => {
    const environments = (await store.environments({ limit: 100, after: null })).items;
    return Promise.all(environments.map(async ({ environmentId }) => (await store.appConnectors(environmentId, {}, { limit: 5, after: null })).items));
  };

  it('replays into new read models while the live runner keeps serving, then switches to equal read models', async () => {
    const runner = new ProjectionRunner({ eventStore, store, models: READ_MODELS, logger: silentLogger });
    await runner.start();
    await runner.waitForPosition(520, 5000);
    const before = await everyConnector();
    const phases: RebuildProgress['phase'][] = [];
    const result = await rebuild({ eventStore, store, models: READ_MODELS, batchSize: 100, liveRunner: runner, onProgress: ({ phase }) => phases.push(phase) });
    expect(result).toEqual({ generation: 2, position: 520, eventsDone: 520, deadLetters: 0 });
    expect(phases).toEqual([...Array(6).fill('replaying'), 'switched']);
    expect(await everyConnector()).toEqual(before);
    expect(runner.isRunning()).toBe(true);
    await appendServiceHistory(eventStore, 41);
    expect(await runner.waitForPosition(533, 5000)).toBe(true);
    await runner.stop();
  });

  it('leaves the live read models untouched when the replay fails', async () => {
    const runner = new ProjectionRunner({ eventStore, store, models: READ_MODELS, logger: silentLogger });
    await runner.start();
    await runner.waitForPosition(520, 5000);
    await runner.stop();
    const before = await everyConnector();
    let reads = 0;
    const failingEvents = { readAll: (...args: Parameters<MemoryEventStore['readAll']>) => (++reads === 3 ? Promise.reject(new Error('connection reset')) : eventStore.readAll(...args)), headPosition: () => eventStore.headPosition() };
    await expect(rebuild({ eventStore: failingEvents, store, models: READ_MODELS, batchSize: 100 })).rejects.toThrow('connection reset');
    expect(await everyConnector()).toEqual(before);
    expect(await store.generation()).toBe(1);
    expect(await store.checkpoint('tokens', 'rebuild')).toBe(0);
  });
});
