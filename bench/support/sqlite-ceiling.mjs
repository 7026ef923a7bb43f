// The ceiling the projections are measured against: plain INSERTs of JSON documents, one transaction
// per batch, in a scratch file with the read store's pragmas (WAL, synchronous NORMAL). Only the
// transactions are timed: building the rows is the generator's cost, not SQLite's.
import Database from 'better-sqlite3';
import { environmentStreams } from './connector-events.mjs';

export function insertCeiling(file, totalEvents, batchSize) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE docs (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO docs (_id, doc) VALUES (?, ?)');
  const insertBatch = db.transaction((rows) => {
    for (const [id, json] of rows) insert.run(id, json);
  });
  let seconds = 0;
  let rows = 0;
  const flush = (batch) => {
    const started = performance.now();
    insertBatch(batch);
    seconds += (performance.now() - started) / 1000;
    rows += batch.length;
  };
  let batch = [];
  for (const { streamId, events } of environmentStreams(totalEvents)) {
    for (const [revision, event] of events.entries()) {
      // A document about as large as a read-model document: the event's data plus its bookkeeping.
      const id = `${streamId}/${revision}`;
      batch.push([id, JSON.stringify({ _id: id, ...event.data, type: event.type, updatedAt: event.metadata.time, position: rows + batch.length + 1 })]);
      if (batch.length === batchSize) {
        flush(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) flush(batch);
  db.close();
  return { rows, seconds };
}
