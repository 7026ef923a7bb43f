import type { ReadStore } from './read-store.port.js';
import { MemoryReadStore } from './memory/memory-read-store.js';
import { SqliteReadStore } from './sqlite/sqlite-read-store.js';
import { MongoReadStore } from './mongodb/mongodb-read-store.js';

export type ReadStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'mongodb'; readonly url: string; readonly database: string };

export async function createReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  switch (config.kind) {
    case 'sqlite':
      return SqliteReadStore.open({ file: config.file });
    case 'memory':
      return new MemoryReadStore();
    case 'mongodb':
      return MongoReadStore.connect({ url: config.url, database: config.database });
    default:
      return assertUnknownKind(config);
  }
}

function assertUnknownKind(config: never): never {
  throw new Error(`unknown read store kind: ${JSON.stringify(config)}`);
}
