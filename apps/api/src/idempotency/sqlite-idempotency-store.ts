import { randomUUID } from 'node:crypto';
import type { ApiDatabase } from '../storage/api-database.js';
import { IdempotencyKeyring } from './idempotency-record-keys.js';
import { IDEMPOTENCY_SECRET, IN_FLIGHT_EXPIRY_MS, type IdempotencyRecord, type IdempotencyStore, type Reservation, type StoredAnswer } from './idempotency-store.js';
import { loadOrCreateServerSecret } from '../storage/server-secret.js';

/**
 * Which process holds a reservation: its pid and a nonce of this process, so that one that died
 * (killed, crashed) frees its reservations at once. Processes sharing a data folder share a machine.
 */
const THIS_PROCESS = `${process.pid}:${randomUUID()}`;

function isGone(owner: string | null): boolean {
  if (owner === null) return false;
  const pid = Number(owner.slice(0, owner.indexOf(':')));
  if (pid === process.pid) return owner !== THIS_PROCESS;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Expired rows are deleted on a reserve, at most this often: one indexed DELETE, no timer. */
const PURGE_INTERVAL_MS = 60_000;

interface Row {
  readonly fingerprint: Buffer;
  readonly answer: Buffer | null;
  readonly stored_at: number;
  readonly owner: string | null;
}

/**
 * Idempotency-Key records in the API database, for the embedded stack: one instance per data
 * folder, so a reservation's holder is judged by its process too (see `isGone`).
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select;
  private readonly reserve_;
  private readonly complete_;
  private readonly release_;
  private readonly purge;
  private lastPurgeMs = Number.NEGATIVE_INFINITY;

  static open(database: ApiDatabase, options: { readonly ttlMs: number; readonly secretFile: string }): SqliteIdempotencyStore {
    return new SqliteIdempotencyStore(database, new IdempotencyKeyring(loadOrCreateServerSecret(options.secretFile, IDEMPOTENCY_SECRET)), options.ttlMs);
  }

  private constructor(
    private readonly database: ApiDatabase,
    private readonly keyring: IdempotencyKeyring,
    readonly ttlMs: number,
  ) {
    const db = database.db;
    this.select = db.prepare('SELECT fingerprint, answer, stored_at, owner FROM idempotency_records WHERE lookup = ?');
    this.reserve_ = db.prepare(
      'INSERT INTO idempotency_records (lookup, fingerprint, answer, stored_at, owner) VALUES (?, ?, NULL, ?, ?) ' +
        'ON CONFLICT (lookup) DO UPDATE SET fingerprint = excluded.fingerprint, answer = NULL, stored_at = excluded.stored_at, owner = excluded.owner',
    );
    this.complete_ = db.prepare('UPDATE idempotency_records SET answer = ?, stored_at = ? WHERE lookup = ?');
    this.release_ = db.prepare('DELETE FROM idempotency_records WHERE lookup = ? AND answer IS NULL');
    this.purge = db.prepare('DELETE FROM idempotency_records WHERE stored_at <= ?');
  }

  recordFor(actor: string, idempotencyKey: string): IdempotencyRecord {
    return this.keyring.keysOf(actor, idempotencyKey);
  }

  async reserve(record: IdempotencyRecord, requestFingerprint: string, nowMs: number): Promise<Reservation> {
    return this.database.db.transaction((): Reservation => {
      this.purgeExpired(nowMs);
      const row = this.select.get(record.lookup) as Row | undefined;
      const free = !row || nowMs - row.stored_at >= this.ttlMs;
      if (!free) {
        if (!record.matches(row.fingerprint, requestFingerprint)) return { kind: 'mismatch' };
        if (row.answer) return { kind: 'replay', answer: record.open(row.answer) };
        if (nowMs - row.stored_at < IN_FLIGHT_EXPIRY_MS && !isGone(row.owner)) return { kind: 'in_flight' };
      }
      this.reserve_.run(record.lookup, record.fingerprintOf(requestFingerprint), nowMs, THIS_PROCESS);
      return { kind: 'reserved' };
    }).immediate();
  }

  async complete(record: IdempotencyRecord, answer: StoredAnswer, nowMs: number): Promise<void> {
    this.complete_.run(record.seal(answer), nowMs, record.lookup);
  }

  async release(record: IdempotencyRecord): Promise<void> {
    this.release_.run(record.lookup);
  }

  /** The API database is its opener's to close. */
  async close(): Promise<void> {}

  private purgeExpired(nowMs: number): void {
    if (nowMs - this.lastPurgeMs < PURGE_INTERVAL_MS) return;
    this.lastPurgeMs = nowMs;
    this.purge.run(nowMs - this.ttlMs);
  }
}
