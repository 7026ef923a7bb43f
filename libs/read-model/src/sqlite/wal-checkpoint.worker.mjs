// @ts-check
// Checkpoints the read models' WAL into the database file from its own thread: a checkpoint writes
// and syncs many pages, which on the projecting connection would hold up the event loop meanwhile.
// Plain JavaScript because a worker thread loads its file as it is, from the sources under test as
// well as from dist/.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string, intervalMs: number }} */
const { file, intervalMs } = workerData;
const db = new Database(file, { timeout: 5000 });
// PASSIVE never waits for the writer or for readers: it copies what it can and leaves the rest for the next round.
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, intervalMs);

parentPort?.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort?.close();
});
