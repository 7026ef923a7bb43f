import type { AppConfig } from '../config/app-config.js';
import type { ApiDatabase } from '../storage/api-database.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { MongoIdempotencyStore } from './mongodb-idempotency-store.js';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.js';

/**
 * The Idempotency-Key records of the stack: in the API database beside the embedded stores, in the
 * read models' MongoDB database on the server stack, where every API instance must see them.
 */
export async function openIdempotencyStore(
  config: Pick<AppConfig, 'readStore' | 'idempotencyTtlMs' | 'idempotencySecretFile'>,
  apiDatabase: ApiDatabase,
): Promise<IdempotencyStore> {
  const options = { ttlMs: config.idempotencyTtlMs, secretFile: config.idempotencySecretFile };
  return config.readStore.kind === 'mongodb'
    ? MongoIdempotencyStore.connect(config.readStore.url, config.readStore.database, options)
    : SqliteIdempotencyStore.open(apiDatabase, options);
}
