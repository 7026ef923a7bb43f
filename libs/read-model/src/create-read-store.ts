import type { ReadModel } from './read-model.js';
import type { ReadStore } from './read-store.js';
import { MongoReadStore } from './mongodb/mongodb-read-store.js';
import { SqliteReadStore } from './sqlite/sqlite-read-store.js';
import { READ_MODELS } from './read-models/read-models.js';

export type ReadStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'mongodb'; readonly url: string; readonly database: string };

/** Opens the read store with the tables or collections of `models` (every read model by default) in place. */
export async function createReadStore(config: ReadStoreConfig, models: readonly ReadModel[] = READ_MODELS): Promise<ReadStore> {
  return config.kind === 'sqlite' ? SqliteReadStore.open(config.file, models) : MongoReadStore.connect(config.url, config.database, models);
}
