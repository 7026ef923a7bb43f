import type { ApiDatabase } from '../storage/api-database.js';

export interface StoredAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export type Reservation =
  | { readonly kind: 'reserved' }
  | { readonly kind: 'replay'; readonly answer: StoredAnswer }
  | { readonly kind: 'in_flight' }
  | { readonly kind: 'mismatch' };

/** A reservation older than this is taken to belong to a request that died; it may be retaken. */
const IN_FLIGHT_EXPIRY_MS = 60_000;

/**
 * Idempotency-Key records in the API database. Reserve before running the command, complete with
 * its answer after; a failed command releases the key, since it appended nothing.
 */
export class IdempotencyStore {
  private readonly select;
  private readonly insert;
  private readonly retake;
  private readonly complete_;
  private readonly release_;

  constructor(
    private readonly database: ApiDatabase,
    private readonly options: { readonly ttlMs: number },
  ) {
    const db = database.db;
    this.select = db.prepare('SELECT fingerprint, state, status, headers, body, updated_at FROM idempotency WHERE scope = ?');
    this.insert = db.prepare(
      "INSERT INTO idempotency (scope, fingerprint, state, updated_at) VALUES (?, ?, 'in_flight', ?)",
    );
    this.retake = db.prepare("UPDATE idempotency SET fingerprint = ?, updated_at = ? WHERE scope = ? AND state = 'in_flight'");
    this.complete_ = db.prepare(
      "UPDATE idempotency SET state = 'done', status = ?, headers = ?, body = ?, updated_at = ? WHERE scope = ?",
    );
    this.release_ = db.prepare("DELETE FROM idempotency WHERE scope = ? AND state = 'in_flight'");
  }

  reserve(scope: string, fingerprint: string, nowMs: number): Reservation {
    return this.database.db.transaction((): Reservation => {
      const row = this.select.get(scope) as
        | { fingerprint: string; state: string; status: number; headers: string; body: string; updated_at: number }
        | undefined;
      if (!row) {
        this.insert.run(scope, fingerprint, nowMs);
        return { kind: 'reserved' };
      }
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.state === 'done') {
        return { kind: 'replay', answer: { status: row.status, headers: JSON.parse(row.headers), body: JSON.parse(row.body) } };
      }
      if (nowMs - row.updated_at < IN_FLIGHT_EXPIRY_MS) return { kind: 'in_flight' };
      this.retake.run(fingerprint, nowMs, scope);
      return { kind: 'reserved' };
    }).immediate();
  }

  complete(scope: string, answer: StoredAnswer, nowMs: number): void {
    this.complete_.run(answer.status, JSON.stringify(answer.headers), JSON.stringify(answer.body ?? null), nowMs, scope);
  }

  release(scope: string): void {
    this.release_.run(scope);
  }
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
