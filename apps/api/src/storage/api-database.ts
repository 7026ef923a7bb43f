import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The API's own small SQLite file (admin key hashes, idempotency records): state that is not
 * domain history, so it stays out of the event store.
 */
export class ApiDatabase {
  readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL: in WAL mode a commit survives a killed process without an fsync, which would hold up
    // the event loop; a power loss may lose the last commits, and an Idempotency-Key answer lost so
    // is rebuilt from the append markers, which the event store commits with FULL.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Deleted rows (expired or released idempotency records, the plaintext table below) are
    // overwritten with zeros rather than left in free pages.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS admin_keys (
        name TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS idempotency_records (
        lookup BLOB PRIMARY KEY,
        fingerprint BLOB NOT NULL,
        answer BLOB,
        stored_at INTEGER NOT NULL,
        owner TEXT
      );
      CREATE INDEX IF NOT EXISTS idempotency_records_by_stored_at ON idempotency_records (stored_at);
    `);
    this.dropPlaintextIdempotencyTable();
    this.addReservationOwner();
  }

  close(): void {
    this.db.close();
  }

  /** Files made before reservations named their process get the column; their rows have no owner. */
  private addReservationOwner(): void {
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('idempotency_records')").pluck().all();
    if (!columns.includes('owner')) this.db.exec('ALTER TABLE idempotency_records ADD COLUMN owner TEXT');
  }

  /**
   * The former `idempotency` table held Idempotency-Keys and answers (tokens, environment keys) in
   * plaintext; its rows cannot be encrypted without their keys, so they go. The checkpoint copies
   * the zeroed pages into the file and empties the WAL, which still held the old pages.
   */
  private dropPlaintextIdempotencyTable(): void {
    const plaintext = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'idempotency'").get();
    if (!plaintext) return;
    this.db.exec('DROP TABLE idempotency');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
