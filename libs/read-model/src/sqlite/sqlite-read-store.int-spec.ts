import { describeReadStoreContract } from '../contract/read-store.contract.js';
import type { ReadStore } from '../read-store.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { temporaryDirectory } from '../testing/sqlite-fixture.js';
import { SqliteReadStore } from './sqlite-read-store.js';

const directories = new Map<ReadStore, ReturnType<typeof temporaryDirectory>>();

describeReadStoreContract(
  'sqlite',
  async (models = READ_MODELS) => {
    const directory = temporaryDirectory('read-store-');
    const store = SqliteReadStore.open(directory.file('read.db'), models);
    directories.set(store, directory);
    return store;
  },
  async (store, models) => {
    const directory = directories.get(store)!;
    await store.close();
    const reopened = SqliteReadStore.open(directory.file('read.db'), models);
    directories.delete(store);
    directories.set(reopened, directory);
    return reopened;
  },
  async (store) => {
    await store.close();
    directories.get(store)?.cleanup();
    directories.delete(store);
  },
);
