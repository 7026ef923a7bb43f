import type { CollectionSpec, FindQuery } from '../read-store.port.js';
import { InvalidQueryError } from '../read-store.errors.js';

// Names end up inside SQL identifiers and JSON paths, so they are restricted rather than escaped.
const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function assertCollectionSpec(spec: CollectionSpec): void {
  if (!COLLECTION_NAME.test(spec.name)) throw new InvalidQueryError(`bad collection name: ${spec.name}`);
  for (const index of spec.indexes) {
    if (index.length === 0) throw new InvalidQueryError(`empty index in ${spec.name}`);
    index.forEach(assertFieldPath);
  }
}

function assertFieldPath(field: string): void {
  if (!FIELD_PATH.test(field)) throw new InvalidQueryError(`bad field path: ${field}`);
}

/** Checks a query against the collection's declared indexes; adapters call it before building their own. */
export function assertQueryAllowed(spec: CollectionSpec, query: FindQuery): void {
  const indexed = new Set(spec.indexes.flat());
  for (const field of Object.keys(query.where ?? {})) {
    assertFieldPath(field);
    if (!indexed.has(field)) {
      throw new InvalidQueryError(`${spec.name}.${field} is not in a declared index; declare one to filter on it`);
    }
  }
  if (query.search) assertFieldPath(query.search.field);
  if (query.orderBy) assertFieldPath(query.orderBy.field);
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 1)) {
    throw new InvalidQueryError(`limit must be a positive integer, got ${query.limit}`);
  }
}

/** Reads a dotted path the way json_extract and MongoDB do: missing becomes null. */
export function valueAtPath(document: unknown, path: string): unknown {
  let current: unknown = document;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}
