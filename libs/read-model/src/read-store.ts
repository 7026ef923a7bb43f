import type { ProjectionStore } from './engine/projection-store.port.js';
import type { ReadModelQueries } from './queries/read-model-queries.port.js';

/** A read store: the projection engine writes through one side, the query handlers read the other. */
export interface ReadStore extends ProjectionStore, ReadModelQueries {}

export const READ_STORE = Symbol('READ_STORE');
