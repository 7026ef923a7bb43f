export * from './store/read-store.port.js';
export * from './store/read-store.errors.js';
export { createReadStore, type ReadStoreConfig } from './store/create-read-store.js';
export { MemoryReadStore } from './store/memory/memory-read-store.js';
export { SqliteReadStore, type SqliteReadStoreOptions } from './store/sqlite/sqlite-read-store.js';
export { MongoReadStore, type MongoReadStoreOptions } from './store/mongodb/mongodb-read-store.js';
export { collectionsOf, ProjectionApplyError, type Projection } from './projection/projection.js';
export { evolveDocument, type DocumentChange, type PositionedDocument } from './projection/positioned-document.js';
export { ProjectionRunner } from './projection/projection-runner.js';
export type {
  AppliedListener,
  ProjectionRunnerOptions,
  ProjectionRunnerStatus,
  RunnerLogger,
  RunnerState,
} from './projection/projection-runner.options.js';
export { rebuild, type RebuildOptions, type RebuildProgress, type RebuildResult } from './projection/rebuild.js';
export * from './read-models/read-models.js';
