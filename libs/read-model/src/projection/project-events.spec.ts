import type { RecordedEvent } from '#event-store';
import { MemoryReadStore } from '../store/memory/memory-read-store.js';
import type { ReadStore } from '../store/read-store.port.js';
import { FailingReadStore } from '../testing/failing-read-store.js';
import type { Projection } from './projection.js';
import { projectBatch, projectEvents } from './project-events.js';

const events = [1, 2, 3, 4, 5].map((position) => ({ id: `e${position}`, streamId: 's', type: 'T', position }) as RecordedEvent);
const now = () => new Date('2025-01-01T00:00:00.000Z');

/** Records applied positions as documents; throws on the positions in `failures` (count = how many times). */
function recordingProjection(failures: Map<number, number>): Projection {
  return {
    name: 'recording',
    version: 1,
    collections: [{ name: 'applied', indexes: [] }],
    handles: () => true,
    async apply(event, tx) {
      const remaining = failures.get(event.position) ?? 0;
      if (remaining > 0) {
        failures.set(event.position, remaining - 1);
        throw new Error(`fails at ${event.position}`);
      }
      await tx.put('applied', { _id: String(event.position) });
    },
  };
}

async function setUp(failures: Map<number, number>, store: ReadStore = new MemoryReadStore()) {
  const projection = recordingProjection(failures);
  await store.ensureCollections(projection.collections);
  const context = { store, generation: await store.activeGeneration(), now };
  return { store, projection, context };
}

const appliedIds = async (store: ReadStore) => (await store.find('applied')).items.map((doc) => doc._id);

describe('projectEvents', () => {
  it('commits the whole batch with its checkpoint in one transaction', async () => {
    const inner = new MemoryReadStore();
    const counting = new FailingReadStore(inner, () => false);
    const { projection, context } = await setUp(new Map(), counting);
    expect(await projectEvents(context, projection, events)).toEqual({ deadLetters: 0 });
    expect(counting.transactions).toBe(1);
    expect(await appliedIds(inner)).toEqual(['1', '2', '3', '4', '5']);
    expect(await inner.getCheckpoint('recording')).toBe(5);
  });

  it('dead-letters an event that fails twice and applies all the others', async () => {
    const { store, projection, context } = await setUp(new Map([[3, 2]]));
    expect(await projectEvents(context, projection, events)).toEqual({ deadLetters: 1 });
    expect(await appliedIds(store)).toEqual(['1', '2', '4', '5']);
    expect(await store.getCheckpoint('recording')).toBe(5);
    const [letter] = await store.listDeadLetters();
    expect(letter).toMatchObject({ projection: 'recording', position: 3, eventId: 'e3', streamId: 's', type: 'T', at: now().toISOString() });
    expect(letter!.error).toContain('fails at 3');
  });

  it('keeps an event that fails once and then succeeds alone', async () => {
    const { store, projection, context } = await setUp(new Map([[2, 1]]));
    expect(await projectEvents(context, projection, events)).toEqual({ deadLetters: 0 });
    expect(await appliedIds(store)).toEqual(['1', '2', '3', '4', '5']);
    expect(await store.listDeadLetters()).toEqual([]);
  });

  it('handles several poison events in one batch', async () => {
    const { store, projection, context } = await setUp(new Map([[1, 9], [4, 9], [5, 9]]));
    expect(await projectEvents(context, projection, events)).toEqual({ deadLetters: 3 });
    expect(await appliedIds(store)).toEqual(['2', '3']);
    expect((await store.listDeadLetters()).map((letter) => letter.position)).toEqual([1, 4, 5]);
    expect(await store.getCheckpoint('recording')).toBe(5);
  });

  it('lets a store failure propagate with nothing committed and no dead letter', async () => {
    const inner = new MemoryReadStore();
    const { projection, context } = await setUp(new Map(), new FailingReadStore(inner, () => true));
    await expect(projectEvents(context, projection, events)).rejects.toThrow('injected commit failure');
    expect(await appliedIds(inner)).toEqual([]);
    expect(await inner.getCheckpoint('recording')).toBe(0);
    expect(await inner.listDeadLetters()).toEqual([]);
  });

  it('skips apply for event types the projection does not handle but still advances the checkpoint', async () => {
    const { store, projection, context } = await setUp(new Map());
    const picky = { ...projection, handles: (type: string) => type !== 'T' };
    await projectEvents(context, picky, events);
    expect(await appliedIds(store)).toEqual([]);
    expect(await store.getCheckpoint('recording')).toBe(5);
  });
});

describe('projectBatch', () => {
  // A second projection with its own collection; it always throws on `poison`.
  const other = (poison?: number): Projection => ({
    name: 'other',
    version: 1,
    collections: [{ name: 'other_applied', indexes: [] }],
    handles: () => true,
    async apply(event, tx) {
      if (event.position === poison) throw new Error(`fails at ${poison}`);
      await tx.put('other_applied', { _id: String(event.position) });
    },
  });

  async function setUpBoth(store: ReadStore, poison?: number) {
    const first = recordingProjection(new Map());
    const second = other(poison);
    await store.ensureCollections([...first.collections, ...second.collections]);
    return { first, second, context: { store, generation: await store.activeGeneration(), now } };
  }

  it('commits every projection with its own checkpoint in one transaction', async () => {
    const inner = new MemoryReadStore();
    const counting = new FailingReadStore(inner, () => false);
    const { first, second, context } = await setUpBoth(counting);
    const outcomes = await projectBatch(context, [{ projection: first, events }, { projection: second, events: events.slice(2) }]);
    expect(outcomes).toEqual([{ deadLetters: 0 }, { deadLetters: 0 }]);
    expect(counting.transactions).toBe(1);
    expect(await inner.getCheckpoint('recording')).toBe(5);
    expect(await inner.getCheckpoint('other')).toBe(5);
    expect((await inner.find('other_applied')).items.map((doc) => doc._id)).toEqual(['3', '4', '5']);
  });

  it('commits nothing of any projection when the transaction fails', async () => {
    const inner = new MemoryReadStore();
    const { first, second, context } = await setUpBoth(new FailingReadStore(inner, () => true));
    await expect(projectBatch(context, [{ projection: first, events }, { projection: second, events }])).rejects.toThrow('injected commit failure');
    expect(await inner.getCheckpoint('recording')).toBe(0);
    expect(await inner.getCheckpoint('other')).toBe(0);
    expect(await appliedIds(inner)).toEqual([]);
  });

  it('falls back to one transaction per projection when an apply throws, dead-lettering only the culprit', async () => {
    const store = new MemoryReadStore();
    const { first, second, context } = await setUpBoth(store, 4);
    const outcomes = await projectBatch(context, [{ projection: first, events }, { projection: second, events }]);
    expect(outcomes).toEqual([{ deadLetters: 0 }, { deadLetters: 1 }]);
    expect(await appliedIds(store)).toEqual(['1', '2', '3', '4', '5']);
    expect((await store.find('other_applied')).items.map((doc) => doc._id)).toEqual(['1', '2', '3', '5']);
    expect((await store.listDeadLetters()).map(({ projection, position }) => ({ projection, position }))).toEqual([{ projection: 'other', position: 4 }]);
    expect(await store.getCheckpoint('other')).toBe(5);
  });
});
