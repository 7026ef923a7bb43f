import Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port.js';

/** A row as `raw()` statements return it, in the order of EVENT_COLUMNS. */
type RawEventRow = [position: number, eventId: string, streamId: string, revision: number, type: string, dataAndMetadata: string];

// Named columns (not *) fix the order raw rows come in; raw rows skip building a keyed object per row,
// a cost a catch-up pays millions of times. Data and metadata come as one JSON array text: one
// string and one JSON.parse per event instead of two (both columns are JSON texts written by this
// store, so the array is valid JSON).
const EVENT_COLUMNS = "position, event_id, stream_id, revision, type, '[' || data || ',' || metadata || ']'";

// AUTOINCREMENT so a position is never handed out twice, even after the newest rows are deleted.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  TEXT    NOT NULL UNIQUE,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE TABLE IF NOT EXISTS append_markers (
    request_id    TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    stream_id     TEXT    NOT NULL,
    last_revision INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    sealed        BLOB    NOT NULL,
    expires_at    INTEGER NOT NULL,
    PRIMARY KEY (request_id, sequence)
  );
  CREATE INDEX IF NOT EXISTS append_markers_by_expiry ON append_markers (expires_at)`;

export function openDatabase(file: string, busyTimeoutMs: number): Database.Database {
  // The timeout is SQLite's busy_timeout: a writer waits this long for another process's lock.
  const db = new Database(file, { timeout: busyTimeoutMs });
  // WAL lets readers (a projector process) run while one writer appends. FULL syncs the WAL on
  // every commit, so an acknowledged append survives kill -9 and power loss (NORMAL does not).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  return db;
}

export function prepareStatements(db: Database.Database) {
  return {
    // LIMIT -1 is SQLite for "no limit".
    readStream: db
      .prepare<[string, number, number], RawEventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(),
    readAll: db
      .prepare<[number, number], RawEventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(),
    headPosition: db.prepare<[], { head: number }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
    markedAppends: db
      .prepare<[string, number], [sequence: number, streamId: string, lastRevision: number, position: number, sealed: Buffer]>(
        'SELECT sequence, stream_id, last_revision, position, sealed FROM append_markers WHERE request_id = ? AND expires_at > ? ORDER BY sequence',
      )
      .raw(),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;

export function toRecordedEvent([position, id, streamId, revision, type, dataAndMetadata]: RawEventRow): RecordedEvent {
  const [data, metadata] = JSON.parse(dataAndMetadata) as [RecordedEvent['data'], RecordedEvent['metadata']];
  return { id, streamId, type, data, metadata, revision, position };
}
