import type { Database } from 'better-sqlite3';
import type { CollectionSpec } from '../read-store.port.js';

/** Bookkeeping tables; every row carries its generation so that a switch is one pointer update. */
export const BOOKKEEPING_DDL = `
  CREATE TABLE IF NOT EXISTS rm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS rm_generations (generation INTEGER PRIMARY KEY AUTOINCREMENT);
  CREATE TABLE IF NOT EXISTS rm_collections (
    generation INTEGER NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (generation, name));
  CREATE TABLE IF NOT EXISTS rm_checkpoints (
    generation INTEGER NOT NULL, projection TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (generation, projection));
  CREATE TABLE IF NOT EXISTS rm_dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER NOT NULL, projection TEXT NOT NULL,
    position INTEGER NOT NULL, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, type TEXT NOT NULL,
    error TEXT NOT NULL, at TEXT NOT NULL);
  INSERT OR IGNORE INTO rm_generations (generation) VALUES (1);
  INSERT OR IGNORE INTO rm_meta (key, value) VALUES ('active_generation', '1');
`;

export function tableName(generation: number, collection: string): string {
  return `rm_g${generation}_${collection}`;
}

/** The exact expression an index is built on; queries must repeat it verbatim for the planner to use it. */
export function fieldExpression(field: string): string {
  return field === '_id' ? '_id' : `json_extract(doc, '$.${field}')`;
}

export function createCollection(db: Database, generation: number, spec: CollectionSpec): void {
  const table = tableName(generation, spec.name);
  db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  for (const fields of spec.indexes) {
    const columns = fields.map(fieldExpression).join(', ');
    db.exec(`CREATE INDEX IF NOT EXISTS "${table}__${fields.join('__')}" ON "${table}" (${columns})`);
  }
  db.prepare(
    `INSERT INTO rm_collections (generation, name, spec) VALUES (?, ?, ?)
     ON CONFLICT (generation, name) DO UPDATE SET spec = excluded.spec`,
  ).run(generation, spec.name, JSON.stringify(spec));
}

export function dropGenerationObjects(db: Database, generation: number): void {
  const names = db.prepare('SELECT name FROM rm_collections WHERE generation = ?').pluck().all(generation) as string[];
  for (const name of names) db.exec(`DROP TABLE IF EXISTS "${tableName(generation, name)}"`);
  for (const table of ['rm_collections', 'rm_checkpoints', 'rm_dead_letters', 'rm_generations']) {
    db.prepare(`DELETE FROM ${table} WHERE generation = ?`).run(generation);
  }
}
