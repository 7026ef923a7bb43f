import type { ReadStoreConfig } from '../create-read-store.js';
import { MongoProjectorLease } from './mongodb-projector-lease.js';
import type { ProjectorLease } from './projector-lease.port.js';
import { SqliteProjectorLease } from './sqlite-projector-lease.js';

/** The lease of the read store `config` names, in that store. */
export async function createProjectorLease(config: ReadStoreConfig): Promise<ProjectorLease> {
  return config.kind === 'sqlite' ? new SqliteProjectorLease(config.file) : MongoProjectorLease.connect(config.url, config.database);
}
