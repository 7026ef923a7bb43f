import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { EventStoreDbEventStore, MemoryEventStore, type EventStore } from '#event-store';
import { describeProjectionRunnerContract } from '../contract/projection-runner.contract.js';
import { createReadStore } from '../create-read-store.js';
import type { ReadStore } from '../read-store.js';
import { temporaryDirectory } from '../testing/sqlite-fixture.js';

const files = temporaryDirectory('projection-runner-');
afterAll(() => files.cleanup());
const closeBoth = async ({ eventStore, store }: { eventStore: EventStore; store: ReadStore }) => {
  await store.close();
  await eventStore.close();
};

describeProjectionRunnerContract('memory events → SQLite', {
  open: async () => ({ eventStore: new MemoryEventStore(), store: await createReadStore({ kind: 'sqlite', file: files.file(`${randomUUID()}.db`) }) }),
  close: closeBoth,
  isolated: true,
});

const mongodbUrl = process.env['MONGODB_URL'];
const eventStoreDbUrl = process.env['EVENTSTOREDB_URL'];
if (mongodbUrl) {
  const databases = new Map<ReadStore, string>();
  const openMongo = async () => {
    const database = `projection_runner_${randomUUID().slice(0, 8)}`;
    const store = await createReadStore({ kind: 'mongodb', url: mongodbUrl, database });
    databases.set(store, database);
    return store;
  };
  const closeMongo = async (stack: { eventStore: EventStore; store: ReadStore }) => {
    await closeBoth(stack);
    const client = await MongoClient.connect(mongodbUrl);
    await client.db(databases.get(stack.store)).dropDatabase();
    await client.close();
    databases.delete(stack.store);
  };
  describeProjectionRunnerContract('memory events → MongoDB', { open: async () => ({ eventStore: new MemoryEventStore(), store: await openMongo() }), close: closeMongo, isolated: true });
  if (eventStoreDbUrl) {
    describeProjectionRunnerContract('EventStoreDB → MongoDB', { open: async () => ({ eventStore: new EventStoreDbEventStore(eventStoreDbUrl), store: await openMongo() }), close: closeMongo, isolated: false });
  }
}
if (!mongodbUrl || !eventStoreDbUrl) {
  // Straight to stdout: jest swallows console output of a file whose tests are all skipped.
  process.stdout.write(`projection runner contract on the servers skipped: ${[!mongodbUrl && 'MONGODB_URL', !eventStoreDbUrl && 'EVENTSTOREDB_URL'].filter(Boolean).join(' and ')} not set\n`);
}
