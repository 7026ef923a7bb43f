import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { ReadStore } from '../read-store.port.js';
import { describeReadStoreContract } from '../contract/read-store.contract.js';
import { MongoReadStore } from './mongodb-read-store.js';

// Needs a replica set (transactions): e.g. MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0
const url = process.env['MONGODB_URL'];

if (url) {
  const databases = new Map<ReadStore, string>();
  describeReadStoreContract(
    'mongodb',
    async () => {
      const database = `read_model_contract_${randomUUID().slice(0, 8)}`;
      const store = await MongoReadStore.connect({ url, database });
      databases.set(store, database);
      return store;
    },
    async (store) => {
      await store.close();
      const client = await MongoClient.connect(url);
      await client.db(databases.get(store)).dropDatabase();
      await client.close();
    },
  );
} else {
  // Straight to stdout: jest swallows console output of a file whose tests are all skipped.
  process.stdout.write('MongoDB read-store contract suite skipped: MONGODB_URL not set\n');
  describe.skip('ReadStore contract: mongodb (MONGODB_URL not set)', () => {
    it('needs a MongoDB replica set', () => undefined);
  });
}
