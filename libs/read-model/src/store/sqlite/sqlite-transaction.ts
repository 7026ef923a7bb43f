import type { DocumentUpdate, FindPage, FindQuery, NewDeadLetter, ReadDocument, ReadTransaction } from '../read-store.port.js';
import { adoptedJsonValue, cloneJsonValue, toJsonValue, type JsonValue } from '../json-value.js';
import { withSameId } from '../update-by-get-and-put.js';
import type { DocumentStatements, SqliteConnection } from './sqlite-connection.js';

/** A document as this transaction knows it (null: absent) and whether its row lags behind. */
interface CachedDocument {
  readonly value: JsonValue | null;
  dirty: boolean;
}

interface CachedCollection {
  readonly statements: DocumentStatements;
  readonly documents: Map<string, CachedDocument>;
}

/**
 * A view of the writer connection inside BEGIN IMMEDIATE … COMMIT for one generation. Documents read
 * or written are kept and written to the table once, by `commit` or before a `find` on their
 * collection: a projection that changes one document per event then costs one row write and one
 * JSON text per batch instead of a SELECT, a parse, a stringify and an upsert per event. Nobody else
 * can write meanwhile (the transaction holds SQLite's write lock), so what is kept cannot go stale.
 * Callers still get and give copies: kept values are JSON values of our own, copied in and out,
 * except in `update`, whose callback only reads the kept value and hands over its result.
 */
export class SqliteTransaction implements ReadTransaction {
  private readonly collections = new Map<string, CachedCollection>();
  private open = true;

  constructor(
    private readonly connection: SqliteConnection,
    readonly generation: number,
  ) {}

  async get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    const { value } = this.known(this.cached(collection), id);
    return value === null ? null : (cloneJsonValue(value) as unknown as T);
  }

  async update<T extends ReadDocument>(collection: string, id: string, change: (current: T | null) => DocumentUpdate<T>): Promise<void> {
    const cached = this.cached(collection);
    const known = this.known(cached, id);
    const next = change(known.value as unknown as T | null);
    if (next === 'unchanged' || (next === 'delete' && known.value === null)) return;
    const value = next === 'delete' ? null : adoptedJsonValue(withSameId(next, id), known.value);
    if (value === undefined) throw new TypeError(`a ${collection} document must be a JSON object`);
    cached.documents.set(id, { value, dirty: true });
  }

  async find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    const cached = this.cached(collection);
    writeBack(cached);
    return this.use().find<T>(this.generation, collection, query, cached.statements.spec);
  }

  // Converted at once, as a direct write would be: a document JSON cannot hold fails in `put`.
  async put<T extends ReadDocument>(collection: string, document: T): Promise<void> {
    const { documents } = this.cached(collection);
    const value = toJsonValue(document);
    if (value === undefined) throw new TypeError(`a ${collection} document must be a JSON object`);
    documents.set(document._id, { value, dirty: true });
  }

  async delete(collection: string, id: string): Promise<boolean> {
    const { statements, documents } = this.cached(collection);
    const known = documents.get(id);
    if (known) {
      if (known.value === null) return false;
      documents.set(id, { value: null, dirty: true });
      return true;
    }
    const deleted = statements.delete.run(id).changes > 0;
    documents.set(id, { value: null, dirty: false });
    return deleted;
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.use().getCheckpoint(this.generation, projection);
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.use().setCheckpoint(this.generation, projection, position);
  }

  async recordDeadLetter(letter: NewDeadLetter): Promise<string> {
    return this.use().recordDeadLetter(this.generation, letter);
  }

  async removeDeadLetter(id: string): Promise<boolean> {
    return this.use().removeDeadLetter(this.generation, id);
  }

  /** Writes what is still pending; the caller commits the SQLite transaction after it. */
  commit(): void {
    this.use();
    this.open = false;
    this.collections.forEach(writeBack);
  }

  discard(): void {
    this.open = false;
  }

  private known({ statements, documents }: CachedCollection, id: string): CachedDocument {
    let known = documents.get(id);
    if (!known) {
      const json = statements.select.get(id) as string | undefined;
      documents.set(id, (known = { value: json === undefined ? null : (JSON.parse(json) as JsonValue), dirty: false }));
    }
    return known;
  }

  private cached(collection: string): CachedCollection {
    const connection = this.use();
    let cached = this.collections.get(collection);
    if (!cached) {
      cached = { statements: connection.documentStatements(this.generation, collection), documents: new Map() };
      this.collections.set(collection, cached);
    }
    return cached;
  }

  // A leaked transaction object used after COMMIT would silently write outside any transaction.
  private use(): SqliteConnection {
    if (!this.open) throw new Error('read-store transaction already finished');
    return this.connection;
  }
}

function writeBack({ statements, documents }: CachedCollection): void {
  for (const [id, document] of documents) {
    if (!document.dirty) continue;
    if (document.value === null) statements.delete.run(id);
    else statements.upsert.run(id, JSON.stringify(document.value));
    document.dirty = false;
  }
}
