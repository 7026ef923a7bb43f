import { MemoryEventStore, type RecordedEvent } from '#event-store';
import { MemoryReadStore } from '../store/memory/memory-read-store.js';
import { FailingReadStore } from '../testing/failing-read-store.js';
import { appendEvent, appendSampleEvents } from '../testing/sample-events.js';
import { thingsProjection, typeCountsProjection } from '../testing/sample-projections.js';
import { ProjectionRunner } from './projection-runner.js';

const silent = { warn: () => undefined, error: () => undefined };

describe('ProjectionRunner', () => {
  let events: MemoryEventStore;
  let runner: ProjectionRunner | undefined;

  beforeEach(() => {
    events = new MemoryEventStore();
  });

  afterEach(async () => {
    await runner?.stop();
    await events.close();
  });

  it('catches up in batches, then applies live events one by one', async () => {
    await appendSampleEvents(events, 50);
    const store = new MemoryReadStore();
    runner = new ProjectionRunner({ eventStore: events, store, projections: [thingsProjection(), typeCountsProjection()], maxBatchSize: 20, logger: silent });
    const batches: number[][] = [];
    runner.onApplied((batch) => batches.push(batch.map((event) => event.position)));
    await runner.start();
    expect(await runner.waitForPosition(50, 2000)).toBe(true);
    expect(batches.map((batch) => batch.length)).toEqual([20, 20, 10]);

    const position = await appendEvent(events, 'thing-new', 'ThingCreated', { name: 'fresh', group: 'g' });
    expect(await runner.waitForPosition(position, 2000)).toBe(true);
    expect(batches.at(-1)).toEqual([position]);
    expect(await store.get('things', 'thing-new')).toMatchObject({ name: 'fresh', lastPosition: position });
  });

  it('times out waitForPosition when the position is never reached', async () => {
    runner = new ProjectionRunner({ eventStore: events, store: new MemoryReadStore(), projections: [thingsProjection()], logger: silent });
    await runner.start();
    expect(await runner.waitForPosition(1, 30)).toBe(false);
  });

  it('reports status: position, head lag, dead letters, state', async () => {
    await appendEvent(events, 'a', 'ThingCreated', { name: 'x', group: 'g', poison: true });
    await appendEvent(events, 'b', 'ThingCreated', { name: 'y', group: 'g' });
    runner = new ProjectionRunner({ eventStore: events, store: new MemoryReadStore(), projections: [thingsProjection()], logger: silent });
    expect((await runner.status()).state).toBe('stopped');
    await runner.start();
    await runner.waitForPosition(2, 2000);
    expect(await runner.status()).toMatchObject({
      state: 'running', position: 2, headPosition: 2, lag: 0, deadLetters: 1, lastError: null,
      projections: [{ name: 'things', version: 1, checkpoint: 2 }],
    });
  });

  it('recovers from a failing store by resubscribing from the stored checkpoints', async () => {
    await appendSampleEvents(events, 30);
    const inner = new MemoryReadStore();
    const store = new FailingReadStore(inner, (number) => number === 2 || number === 3);
    runner = new ProjectionRunner({
      eventStore: events, store, projections: [thingsProjection()], maxBatchSize: 10, logger: silent,
      retryDelayMs: { initial: 1, max: 5 },
    });
    await runner.start();
    expect(await runner.waitForPosition(30, 2000)).toBe(true);
    const status = await runner.status();
    expect(status.state).toBe('running');
    expect(status.lastError?.message).toContain('injected commit failure');
    // Shown on the unauthenticated /health: no stack, no file paths.
    expect(status.lastError?.message).not.toMatch(/\n|\bat |\.[jt]s\b/);
    expect(await inner.getCheckpoint('things')).toBe(30);
  });

  it('stops gracefully and resumes where it stopped', async () => {
    await appendSampleEvents(events, 10);
    const store = new MemoryReadStore();
    runner = new ProjectionRunner({ eventStore: events, store, projections: [typeCountsProjection()], logger: silent });
    await runner.start();
    await runner.waitForPosition(10, 2000);
    await runner.stop();
    expect((await runner.status()).state).toBe('stopped');
    await appendSampleEvents(events, 5, 2);
    await runner.start();
    expect(await runner.waitForPosition(15, 2000)).toBe(true);
    const counts = (await store.find<{ _id: string; count: number }>('type_counts')).items;
    expect(counts.reduce((sum, doc) => sum + doc.count, 0)).toBe(15);
  });

  it('keeps running when an onApplied listener throws', async () => {
    runner = new ProjectionRunner({ eventStore: events, store: new MemoryReadStore(), projections: [thingsProjection()], logger: silent });
    const seen: RecordedEvent[] = [];
    runner.onApplied(() => {
      throw new Error('listener bug');
    });
    runner.onApplied((batch) => seen.push(...batch));
    await runner.start();
    await appendEvent(events, 'a', 'ThingCreated', { name: 'x', group: 'g' });
    await appendEvent(events, 'b', 'ThingCreated', { name: 'y', group: 'g' });
    expect(await runner.waitForPosition(2, 2000)).toBe(true);
    expect(seen.map((event) => event.position)).toEqual([1, 2]);
  });
});
