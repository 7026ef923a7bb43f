export * from './event-store.port.js';
// Layers above import the follower as #event-follower: importing it from here would load the adapters.
export * from './follow/index.js';
export { createEventStore, type EventStoreConfig } from './create-event-store.js';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
export { MemoryEventStore } from './memory/memory-event-store.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
