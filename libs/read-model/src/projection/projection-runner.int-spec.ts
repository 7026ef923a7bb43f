import { MemoryEventStore } from '#event-store';
import { createReadStore } from '../create-read-store.js';
import type { ReadStore } from '../read-store.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { appendServiceHistory } from '../testing/service-history.mjs';
import { temporaryDirectory } from '../testing/sqlite-fixture.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuild } from './rebuild.js';

describe('ProjectionRunner on SQLite', () => {
  const files = temporaryDirectory('projection-runner-');
  let eventStore: MemoryEventStore;
  let store: ReadStore;
  let logged: string[];
  const logger = { warn: (message: string) => logged.push(`warn ${message}`), error: (message: string) => logged.push(`error ${message}`) };
  const runnerOn = (readStore: ReadStore) => new ProjectionRunner({ eventStore, store: readStore, models: READ_MODELS, maxBatchSize: 50, retryDelayMs: { initial: 5, max: 20 }, logger });

  beforeEach(async () => {
    logged = [];
    eventStore = new MemoryEventStore();
    store = await createReadStore({ kind: 'sqlite', file: files.file(`${Math.random()}.db`) });
  });
  afterEach(async () => {
    await store.close();
    await eventStore.close();
  });
  afterAll(() => files.cleanup());

  it('catches up, goes live, and tells read-your-writes when a position is visible', async () => {
    await appendServiceHistory(eventStore, 20);
    const runner = runnerOn(store);
    await runner.start();
    expect(await runner.waitForPosition(260, 5000)).toBe(true);
    expect(await store.environment('10019')).toMatchObject({ name: 'Env 19' });
    expect(await runner.waitForPosition(261, 30)).toBe(false);
    await appendServiceHistory(eventStore, 21);
    expect(await runner.waitForPosition(260 + 21 * 13, 5000)).toBe(true);
    expect((await runner.status()).projections.map((p) => p.checkpoint)).toEqual(READ_MODELS.map(() => 260 + 21 * 13));
    await runner.stop();
    expect(logged).toEqual([]);
  });

  it('resumes after a stop from the checkpoints the store holds', async () => {
    await appendServiceHistory(eventStore, 5);
    const first = runnerOn(store);
    await first.start();
    await first.waitForPosition(65, 5000);
    await first.stop();
    await appendServiceHistory(eventStore, 6);
    const second = runnerOn(store);
    await second.start();
    expect(second.position()).toBe(65);
    expect(await second.waitForPosition(65 + 78, 5000)).toBe(true);
    // The first five environments were appended again: their documents took the second copy of each event.
    expect((await store.tokens('10000', 'c1')).map((token) => token.status)).toEqual(['revoked', 'live']);
    await second.stop();
  });

  it('goes on after a rebuild in between moved its checkpoints, without an error on its status', async () => {
    await appendServiceHistory(eventStore, 5);
    const runner = runnerOn(store);
    await runner.start();
    await runner.waitForPosition(65, 5000);
    await rebuild({ eventStore, store, models: READ_MODELS });
    await appendServiceHistory(eventStore, 6);
    expect(await runner.waitForPosition(65 + 78, 5000)).toBe(true);
    expect((await store.userGroups('10005', { limit: 5, after: null })).items).toHaveLength(1);
    expect((await runner.status()).lastError).toBeNull();
    await runner.stop();
  });

  it('backs off while the store fails, shows the failure without a stack, and recovers', async () => {
    await appendServiceHistory(eventStore, 3);
    let failures = 3;
    const failing: ReadStore = Object.assign(Object.create(store) as ReadStore, {
      project: (...args: Parameters<ReadStore['project']>) => (failures-- > 0 ? Promise.reject(new Error('disk I/O error')) : store.project(...args)),
    });
    const runner = runnerOn(failing);
    await runner.start();
    expect(await runner.waitForPosition(39, 5000)).toBe(true);
    const { lastError } = await runner.status();
    expect(lastError?.message).toBe('Error: disk I/O error');
    expect(lastError?.message).not.toContain(' at ');
    expect(logged.filter((line) => line.startsWith('error'))).toHaveLength(3);
    await runner.stop();
  });
});
