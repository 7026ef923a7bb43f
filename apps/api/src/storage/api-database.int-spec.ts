import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiDatabase } from './api-database.js';

const PLAINTEXT_TABLE = `
  CREATE TABLE admin_keys (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE idempotency (
    scope TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
    status INTEGER,
    headers TEXT,
    body TEXT,
    updated_at INTEGER NOT NULL
  );`;

describe('ApiDatabase: a data folder with plaintext idempotency records', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-database-'));
    file = join(dir, 'api.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const containing = (needle: string) =>
    ['api.sqlite', 'api.sqlite-wal'].filter((name) => {
      try {
        return readFileSync(join(dir, name)).includes(needle);
      } catch {
        return false;
      }
    });
  /** Long enough to spill into overflow pages, which a dropped table frees too. */
  const plaintextAnswer = (name: string) => JSON.stringify({ token: `<token><data>${name}</data></token>`, padding: name.repeat(400) });
  const insertPlaintext = (db: Database.Database, name: string) =>
    db
      .prepare("INSERT INTO idempotency (scope, fingerprint, state, status, headers, body, updated_at) VALUES (?, 'f', 'done', 201, '{}', ?, 0)")
      .run(`admin\nkey-${name}`, plaintextAnswer(name));

  it('drops them, zeroed, from the file and from the WAL, and keeps the admin keys', () => {
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(PLAINTEXT_TABLE);
    old.prepare("INSERT INTO admin_keys VALUES ('admin', 'abc123', 'then')").run();
    insertPlaintext(old, 'CHECKPOINTED-SECRET');
    old.close();
    const crashed = new Database(file);
    crashed.pragma('wal_autocheckpoint = 0');
    insertPlaintext(crashed, 'WAL-ONLY-SECRET');
    expect(containing('CHECKPOINTED-SECRET')).toContain('api.sqlite');
    expect(containing('key-WAL-ONLY-SECRET')).toEqual(['api.sqlite-wal']);

    const database = new ApiDatabase(file);
    const tables = database.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['admin_keys', 'idempotency_records']);
    expect(database.db.prepare('SELECT name, sha256 FROM admin_keys').all()).toEqual([{ name: 'admin', sha256: 'abc123' }]);
    for (const needle of ['CHECKPOINTED-SECRET', 'WAL-ONLY-SECRET', 'key-', '<token>']) expect(containing(needle)).toEqual([]);
    crashed.close();
    database.close();
    for (const needle of ['CHECKPOINTED-SECRET', 'WAL-ONLY-SECRET', 'key-', '<token>']) expect(containing(needle)).toEqual([]);
  });

  it('opens a migrated file as it is', () => {
    new ApiDatabase(file).close();
    const database = new ApiDatabase(file);
    expect(database.db.pragma('secure_delete', { simple: true })).toBe(1);
    database.close();
  });
});
