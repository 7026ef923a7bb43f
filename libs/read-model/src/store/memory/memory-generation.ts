import type { CollectionSpec, DeadLetter, FindPage, FindQuery, ReadDocument } from '../read-store.port.js';
import { UnknownCollectionError } from '../read-store.errors.js';
import { assertQueryAllowed } from '../query/query-validation.js';
import { queryDocuments } from './memory-query.js';

/** Documents are kept as JSON text so that callers always get copies and JSON semantics, as with SQLite. */
export interface MemoryCollection {
  spec: CollectionSpec;
  readonly documents: Map<string, string>;
}

export class MemoryGeneration {
  readonly collections = new Map<string, MemoryCollection>();
  readonly checkpoints = new Map<string, number>();
  readonly deadLetters = new Map<string, DeadLetter>();

  constructor(readonly number: number) {}

  declare(spec: CollectionSpec): void {
    const existing = this.collections.get(spec.name);
    if (existing) existing.spec = spec;
    else this.collections.set(spec.name, { spec, documents: new Map() });
  }

  collection(name: string): MemoryCollection {
    const collection = this.collections.get(name);
    if (!collection) throw new UnknownCollectionError(name, this.number);
    return collection;
  }

  get<T extends ReadDocument>(name: string, id: string): T | null {
    const json = this.collection(name).documents.get(id);
    return json === undefined ? null : (JSON.parse(json) as T);
  }

  find<T extends ReadDocument>(name: string, query: FindQuery, overlay?: Map<string, string | null>): FindPage<T> {
    const collection = this.collection(name);
    assertQueryAllowed(collection.spec, query);
    const merged = overlay ? new Map([...collection.documents, ...overlay]) : collection.documents;
    const documents: T[] = [];
    for (const json of merged.values()) if (json !== null) documents.push(JSON.parse(json) as T);
    return queryDocuments(documents, query);
  }
}
