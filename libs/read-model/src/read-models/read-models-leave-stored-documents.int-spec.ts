import { MemoryEventStore } from '#event-store';
import { MemoryReadStore } from '../store/memory/memory-read-store.js';
import type { DocumentUpdate, ReadDocument, ReadTransaction } from '../store/read-store.port.js';
import { readModelProjections } from './read-models.js';
import { appendEnvironmentHistory } from './testing/environment-history.js';

// `ReadTransaction.update` hands a projection the stored document itself (the SQLite store keeps it
// without copying), so a projection must return a new state and never change the one it is given.
// Here every document handed over is deeply frozen: a change to it throws (ES modules are strict).

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const property of Object.values(value)) deepFreeze(property);
  }
  return value;
}

/** The transaction, with every document that `update` hands over frozen first. */
function freezingUpdates(tx: ReadTransaction): ReadTransaction {
  const wrapped = Object.create(tx) as ReadTransaction;
  wrapped.update = <T extends ReadDocument>(collection: string, id: string, change: (current: T | null) => DocumentUpdate<T>) =>
    tx.update<T>(collection, id, (current) => change(deepFreeze(current)));
  return wrapped;
}

describe('the read models leave the stored documents they are given as they are', () => {
  it.each(readModelProjections().map((projection) => [projection.name, projection] as const))('%s', async (_, projection) => {
    const store = new MemoryReadStore();
    await store.ensureCollections(projection.collections);
    const eventStore = new MemoryEventStore();
    const events = await appendEnvironmentHistory(eventStore);
    let applied = 0;
    for (const event of events) {
      if (!projection.handles(event.type)) continue;
      await store.transaction((tx) => projection.apply(event, freezingUpdates(tx)));
      applied += 1;
    }
    expect(applied).toBeGreaterThan(0);
    await eventStore.close();
    await store.close();
  });

  it('would catch a projection that changes the document it is given', async () => {
    const store = new MemoryReadStore();
    await store.ensureCollections([{ name: 'things', indexes: [] }]);
    await store.transaction((tx) => tx.put('things', { _id: 'a', count: 1 }));
    const changing = store.transaction((tx) =>
      freezingUpdates(tx).update<{ _id: string; count: number }>('things', 'a', (current) => {
        current!.count += 1;
        return current!;
      }),
    );
    await expect(changing).rejects.toThrow(TypeError);
    await store.close();
  });
});
