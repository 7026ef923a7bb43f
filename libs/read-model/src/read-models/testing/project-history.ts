import { MemoryEventStore, type RecordedEvent } from '#event-store';
import type { Projection } from '../../projection/projection.js';
import { SqliteReadStore } from '../../store/sqlite/sqlite-read-store.js';
import type { ReadDocument } from '../../store/read-store.port.js';
import { temporaryDirectory } from '../../testing/sqlite-fixture.js';
import { appendEnvironmentHistory } from './environment-history.js';

/**
 * A projection's read model on a SQLite file, fed the environment history event by event (one
 * transaction each, as the runner does without batching); `replay` feeds it all again.
 */
export type ProjectedHistory = Awaited<ReturnType<typeof projectHistory>>;

export async function projectHistory(projection: Projection) {
  const files = temporaryDirectory(`${projection.name}-`);
  const store = SqliteReadStore.open({ file: files.file('read.db') });
  await store.ensureCollections(projection.collections);
  const eventStore = new MemoryEventStore();
  const events = await appendEnvironmentHistory(eventStore);
  await eventStore.close();
  const apply = async (list: readonly RecordedEvent[]) => {
    for (const event of list) {
      if (projection.handles(event.type)) await store.transaction((tx) => projection.apply(event, tx));
    }
  };
  await apply(events);
  return {
    store,
    events,
    replay: () => apply(events),
    all: async <T extends ReadDocument>(collection: string) => (await store.find<T>(collection)).items,
    close: async () => {
      await store.close();
      files.cleanup();
    },
  };
}
