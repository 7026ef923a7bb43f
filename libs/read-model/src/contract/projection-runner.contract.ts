import type { EventStore } from '#event-store';
import type { ReadStore } from '../read-store.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { appendServiceHistory } from '../testing/service-history.mjs';
import { ProjectionRunner } from '../projection/projection-runner.js';
import { rebuild } from '../projection/rebuild.js';

export interface ProjectionStack {
  /** A fresh read store; the event store may be shared with earlier runs (a server's `$all` is never empty). */
  readonly open: () => Promise<{ eventStore: EventStore; store: ReadStore }>;
  readonly close: (stack: { eventStore: EventStore; store: ReadStore }) => Promise<void>;
  /** True when the event store holds only this test's events, so that nothing else can be logged. */
  readonly isolated: boolean;
}

/**
 * The projection runner from an event store to a read store, for every pair of adapters. Positions
 * are the store's own (read back with `headPosition`), and each test writes environments of its own,
 * so that the suite also runs on servers that earlier runs wrote to.
 */
export function describeProjectionRunnerContract(name: string, stack: ProjectionStack) {
  describe(`projection runner contract: ${name}`, () => {
    let eventStore: EventStore;
    let store: ReadStore;
    let logged: string[];
    let first: number;
    const logger = { warn: (message: string) => logged.push(`warn ${message}`), error: (message: string) => logged.push(`error ${message}`) };
    const runnerOn = (readStore: ReadStore) => new ProjectionRunner({ eventStore, store: readStore, models: READ_MODELS, maxBatchSize: 50, retryDelayMs: { initial: 5, max: 20 }, logger });
    const env = (n: number) => String(first + n);
    const append = async (environments: number) => {
      await appendServiceHistory(eventStore, environments, first);
      return eventStore.headPosition();
    };

    beforeEach(async () => {
      logged = [];
      ({ eventStore, store } = await stack.open());
      first = stack.isolated ? 10_000 : 100_000 + Math.floor(Math.random() * 800_000);
    });
    afterEach(() => stack.close({ eventStore, store }));

    it('catches up, goes live, and tells read-your-writes when a position is visible', async () => {
      const head = await append(20);
      const runner = runnerOn(store);
      await runner.start();
      expect(await runner.waitForPosition(head, 10_000)).toBe(true);
      expect(await store.environment(env(19))).toMatchObject({ name: 'Env 19' });
      expect(await runner.waitForPosition(head + 1, 30)).toBe(false);
      const later = await append(21);
      expect(await runner.waitForPosition(later, 10_000)).toBe(true);
      expect((await runner.status()).projections.map((p) => p.checkpoint)).toEqual(READ_MODELS.map(() => later));
      await runner.stop();
      if (stack.isolated) expect(logged).toEqual([]);
    });

    it('resumes after a stop from the checkpoints the store holds', async () => {
      const head = await append(5);
      const before = runnerOn(store);
      await before.start();
      await before.waitForPosition(head, 10_000);
      await before.stop();
      const later = await append(6);
      const after = runnerOn(store);
      await after.start();
      expect(after.position()).toBe(head);
      expect(await after.waitForPosition(later, 10_000)).toBe(true);
      // The first five environments were appended again: their documents took the second copy of each event.
      expect((await store.tokens(env(0), 'c1')).map((token) => token.status)).toEqual(['revoked', 'live']);
      await after.stop();
    });

    it('goes on after a rebuild in between moved its checkpoints, without an error on its status', async () => {
      const head = await append(5);
      const runner = runnerOn(store);
      await runner.start();
      await runner.waitForPosition(head, 10_000);
      await rebuild({ eventStore, store, models: READ_MODELS });
      const later = await append(6);
      expect(await runner.waitForPosition(later, 10_000)).toBe(true);
      expect((await store.userGroups(env(5), { limit: 5, after: null })).items).toHaveLength(1);
      expect((await runner.status()).lastError).toBeNull();
      await runner.stop();
    });

    it('backs off while the store fails, shows the failure without a stack, and recovers', async () => {
      const head = await append(3);
      let failures = 3;
      const failing: ReadStore = Object.assign(Object.create(store) as ReadStore, {
        project: (...args: Parameters<ReadStore['project']>) => (failures-- > 0 ? Promise.reject(new Error('disk I/O error')) : store.project(...args)),
      });
      const runner = runnerOn(failing);
      await runner.start();
      expect(await runner.waitForPosition(head, 10_000)).toBe(true);
      const { lastError } = await runner.status();
      expect(lastError?.message).toBe('Error: disk I/O error');
      expect(lastError?.message).not.toContain(' at ');
      // On a log shared with other runs, their events may be dead-lettered and logged too.
      if (stack.isolated) expect(logged.filter((line) => line.startsWith('error'))).toHaveLength(3);
      await runner.stop();
    });
  });
}
