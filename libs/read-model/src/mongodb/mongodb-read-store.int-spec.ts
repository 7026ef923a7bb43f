import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeReadStoreContract } from '../contract/read-store.contract.js';
import type { ReadStore } from '../read-store.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { MongoReadStore } from './mongodb-read-store.js';

// Needs a replica set (transactions): e.g. MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0
const url = process.env['MONGODB_URL'];

if (url) {
  const databases = new Map<ReadStore, string>();
  describeReadStoreContract(
    'mongodb',
    async (models = READ_MODELS) => {
      const database = `read_model_contract_${randomUUID().slice(0, 8)}`;
      const store = await MongoReadStore.connect(url, database, models);
      databases.set(store, database);
      return store;
    },
    async (store, models) => {
      const database = databases.get(store)!;
      await store.close();
      const reopened = await MongoReadStore.connect(url, database, models);
      databases.delete(store);
      databases.set(reopened, database);
      return reopened;
    },
    async (store) => {
      await store.close();
      const client = await MongoClient.connect(url);
      await client.db(databases.get(store)).dropDatabase();
      await client.close();
      databases.delete(store);
    },
  );
} else {
  // Straight to stdout: jest swallows console output of a file whose tests are all skipped.
  process.stdout.write('MongoDB read-store contract suite skipped: MONGODB_URL not set\n');
  describe.skip('read store contract: mongodb (MONGODB_URL not set)', () => {
    it('needs MONGODB_URL', () => undefined);
  });
}
