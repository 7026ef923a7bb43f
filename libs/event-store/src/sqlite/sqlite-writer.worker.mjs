// @ts-check
// The SQLite event store's writer thread: it owns the write connection, so an fsync never holds up
// the event loop of the thread that serves requests. Plain JavaScript because a worker thread loads
// its file as it is, from the sources under test as well as from dist/.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {import('./sqlite-writer.protocol.js').AppendRequest} AppendRequest */
/** @typedef {import('./sqlite-writer.protocol.js').AppendOutcome} AppendOutcome */
/** @typedef {import('./sqlite-writer.protocol.js').WriterMessage} WriterMessage */

/** @type {{ file: string, busyTimeoutMs: number, port: import('node:worker_threads').MessagePort }} */
const { file, busyTimeoutMs, port } = workerData;

const db = new Database(file, { timeout: busyTimeoutMs });
// The caller's thread opened the file first and set WAL mode, which is kept in the file.
db.pragma('synchronous = FULL');
// Expired append markers hold sealed answers' parts: overwrite them when they are deleted.
db.pragma('secure_delete = ON');
const lastRevision = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?').pluck();
const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
const mark = db.prepare(
  'INSERT INTO append_markers (request_id, sequence, stream_id, last_revision, position, sealed, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const purgeMarkers = db.prepare('DELETE FROM append_markers WHERE expires_at <= ?');
/** Expired markers are deleted with a group commit, at most this often. */
const PURGE_INTERVAL_MS = 60_000;
let lastPurge = 0;
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
const savepoint = db.prepare('SAVEPOINT append');
const release = db.prepare('RELEASE append');
const undo = db.prepare('ROLLBACK TO append');

/**
 * @param {AppendRequest['expected']} expected
 * @param {number | null} actual
 */
function holds(expected, actual) {
  return expected === 'any' || (expected === 'no_stream' && actual === null) || (expected === 'stream_exists' && actual !== null) || expected === actual;
}

/** @param {AppendRequest} request @returns {AppendOutcome} */
function appendOne({ id, streamId, expected, rows, marker }) {
  const actual = /** @type {number | null} */ (lastRevision.get(streamId));
  if (!holds(expected, actual)) return { id, kind: 'conflict', actual };
  let revision = actual ?? -1;
  let position = 0;
  for (const [eventId, type, data, metadata] of rows) {
    revision += 1;
    position = Number(insert.run(eventId, streamId, revision, type, data, metadata).lastInsertRowid);
  }
  if (marker) mark.run(marker.requestId, marker.sequence, streamId, revision, position, marker.sealed, marker.expiresAt);
  return { id, kind: 'written', nextExpectedRevision: revision, position };
}

/** @param {AppendRequest} request @param {unknown} error @returns {AppendOutcome} */
function failed({ id }, error) {
  const { message, code } = /** @type {{ message?: string, code?: string }} */ (error);
  return { id, kind: 'failed', message: message ?? String(error), code };
}

/**
 * Group commit: every append waiting here goes into one transaction and one fsync. Each keeps its
 * own expected-revision check inside a savepoint, so a conflict or a bad event undoes that append
 * alone while the others commit.
 * @param {AppendRequest[]} requests
 * @returns {AppendOutcome[]}
 */
function commitGroup(requests) {
  try {
    begin.run();
  } catch (error) {
    return requests.map((request) => failed(request, error));
  }
  const outcomes = requests.map((request) => {
    savepoint.run();
    try {
      const outcome = appendOne(request);
      if (outcome.kind === 'conflict') undo.run();
      release.run();
      return outcome;
    } catch (error) {
      undo.run();
      release.run();
      return failed(request, error);
    }
  });
  if (Date.now() - lastPurge >= PURGE_INTERVAL_MS) {
    lastPurge = Date.now();
    purgeMarkers.run(lastPurge);
  }
  try {
    commit.run();
    return outcomes;
  } catch (error) {
    if (db.inTransaction) rollback.run();
    return requests.map((request) => failed(request, error));
  }
}

/** @param {WriterMessage} first */
function onMessage(first) {
  /** @type {AppendRequest[]} */
  const requests = [];
  let closing = false;
  /** @type {WriterMessage | undefined} */
  let message = first;
  // What arrived while the last commit was in flight is already queued: take all of it now.
  while (message) {
    if (message.kind === 'close') closing = true;
    else requests.push(message.request);
    message = receiveMessageOnPort(port)?.message;
  }
  if (requests.length > 0) port.postMessage({ outcomes: commitGroup(requests) });
  if (closing) {
    db.close();
    port.close();
  }
}

port.on('message', onMessage);
