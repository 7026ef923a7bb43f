import type { Database, Statement } from 'better-sqlite3';
import type { CollectionSpec, DeadLetter, FindPage, FindQuery, NewDeadLetter, ReadDocument } from '../read-store.port.js';
import { CheckpointConflictError, UnknownCollectionError, UnknownGenerationError } from '../read-store.errors.js';
import { assertQueryAllowed } from '../query/query-validation.js';
import { encodeCursor, orderingOf } from '../query/cursor.js';
import { containsIgnoringCase } from '../memory/memory-query.js';
import { buildFindQuery } from './sqlite-find.js';
import { tableName } from './sqlite-schema.js';

const DEAD_LETTER_ID = /^[1-9][0-9]{0,15}$/;

interface DeadLetterRow {
  id: number; projection: string; position: number; event_id: string;
  stream_id: string; type: string; error: string; at: string;
}

/** Prepared statements on one collection table: `select` yields the document's JSON, or undefined. */
export interface DocumentStatements {
  readonly spec: CollectionSpec;
  readonly select: Statement;
  readonly upsert: Statement;
  readonly delete: Statement;
}

/** Synchronous operations on one connection, with prepared statements cached by SQL text. */
export class SqliteConnection {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Database) {
    db.function('rm_contains_ci', { deterministic: true }, (haystack, needle) =>
      containsIgnoringCase(haystack, String(needle)) ? 1 : 0,
    );
  }

  statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** Statements on dropped tables must not linger. */
  forgetStatements(): void {
    this.statements.clear();
  }

  activeGeneration(): number {
    return Number(this.statement("SELECT value FROM rm_meta WHERE key = 'active_generation'").pluck().get());
  }

  assertGenerationExists(generation: number): void {
    if (!this.statement('SELECT 1 FROM rm_generations WHERE generation = ?').get(generation)) {
      throw new UnknownGenerationError(generation);
    }
  }

  spec(generation: number, collection: string): CollectionSpec {
    const json = this.statement('SELECT spec FROM rm_collections WHERE generation = ? AND name = ?')
      .pluck()
      .get(generation, collection) as string | undefined;
    if (json === undefined) throw new UnknownCollectionError(collection, generation);
    return JSON.parse(json) as CollectionSpec;
  }

  get<T extends ReadDocument>(generation: number, collection: string, id: string): T | null {
    this.spec(generation, collection);
    const json = this.selectDocument(tableName(generation, collection)).get(id) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as T);
  }

  /** The statements on one collection's table; the collection must exist (else UnknownCollectionError). */
  documentStatements(generation: number, collection: string): DocumentStatements {
    const spec = this.spec(generation, collection);
    const table = tableName(generation, collection);
    return {
      spec,
      select: this.selectDocument(table),
      upsert: this.statement(`INSERT INTO "${table}" (_id, doc) VALUES (?, ?) ON CONFLICT (_id) DO UPDATE SET doc = excluded.doc`),
      delete: this.statement(`DELETE FROM "${table}" WHERE _id = ?`),
    };
  }

  private selectDocument(table: string): Statement {
    return this.statement(`SELECT doc FROM "${table}" WHERE _id = ?`).pluck();
  }

  /** `spec`: the collection's, when the caller already holds it (a transaction, which no one else can change under). */
  find<T extends ReadDocument>(
    generation: number,
    collection: string,
    query: FindQuery,
    spec: CollectionSpec = this.spec(generation, collection),
  ): FindPage<T> {
    assertQueryAllowed(spec, query);
    const { sql, params } = buildFindQuery(tableName(generation, collection), query);
    const rows = this.statement(sql).pluck().all(...params) as string[];
    const documents = rows.map((json) => JSON.parse(json) as T);
    if (query.limit === undefined || documents.length <= query.limit) return { items: documents, nextCursor: null };
    const items = documents.slice(0, query.limit);
    return { items, nextCursor: encodeCursor(orderingOf(query), items[items.length - 1]!) };
  }

  getCheckpoint(generation: number, projection: string): number {
    const position = this.statement('SELECT position FROM rm_checkpoints WHERE generation = ? AND projection = ?')
      .pluck()
      .get(generation, projection) as number | undefined;
    return position ?? 0;
  }

  /** Conditional upsert: it only moves forward, so a second runner's stale write changes nothing. */
  setCheckpoint(generation: number, projection: string, position: number): void {
    const { changes } = this.statement(
      `INSERT INTO rm_checkpoints (generation, projection, position) VALUES (?, ?, ?)
       ON CONFLICT (generation, projection) DO UPDATE SET position = excluded.position
       WHERE excluded.position > rm_checkpoints.position`,
    ).run(generation, projection, position);
    if (changes === 0) {
      throw new CheckpointConflictError(projection, position, this.getCheckpoint(generation, projection));
    }
  }

  recordDeadLetter(generation: number, letter: NewDeadLetter): string {
    const { lastInsertRowid } = this.statement(
      `INSERT INTO rm_dead_letters (generation, projection, position, event_id, stream_id, type, error, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(generation, letter.projection, letter.position, letter.eventId, letter.streamId, letter.type, letter.error, letter.at);
    return String(lastInsertRowid);
  }

  removeDeadLetter(generation: number, id: string): boolean {
    if (!DEAD_LETTER_ID.test(id)) return false;
    return this.statement('DELETE FROM rm_dead_letters WHERE generation = ? AND id = ?').run(generation, Number(id)).changes > 0;
  }

  listDeadLetters(generation: number, projection?: string): DeadLetter[] {
    const rows = this.statement(
      `SELECT * FROM rm_dead_letters WHERE generation = ? AND (? IS NULL OR projection = ?) ORDER BY position, id`,
    ).all(generation, projection ?? null, projection ?? null) as DeadLetterRow[];
    return rows.map(toDeadLetter);
  }

  getDeadLetter(generation: number, id: string): DeadLetter | null {
    if (!DEAD_LETTER_ID.test(id)) return null;
    const row = this.statement('SELECT * FROM rm_dead_letters WHERE generation = ? AND id = ?').get(generation, Number(id));
    return row ? toDeadLetter(row as DeadLetterRow) : null;
  }
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: String(row.id), projection: row.projection, position: row.position, eventId: row.event_id,
    streamId: row.stream_id, type: row.type, error: row.error, at: row.at,
  };
}
