import type { IdempotencyRecordKeys, StoredAnswer } from './idempotency-record-keys.js';

export type { StoredAnswer } from './idempotency-record-keys.js';
/** The keys of one (actor, Idempotency-Key) record, from `recordFor`; the store keeps neither the key nor the actor. */
export type IdempotencyRecord = IdempotencyRecordKeys;

export type Reservation =
  | { readonly kind: 'reserved' }
  | { readonly kind: 'replay'; readonly answer: StoredAnswer }
  | { readonly kind: 'in_flight' }
  | { readonly kind: 'mismatch' };

/** A reservation older than this is taken to belong to a request that died; it may be retaken. */
export const IN_FLIGHT_EXPIRY_MS = 60_000;

export const IDEMPOTENCY_SECRET = { name: 'idempotency secret', lostWhenReplaced: 'stored Idempotency-Key answers are then forgotten' };

/**
 * Idempotency-Key records. Reserve before running the command, complete with its answer after; a
 * failed command releases the key, since it appended nothing. A record holds only keyed hashes and
 * the answer encrypted under the Idempotency-Key (see IdempotencyRecordKeys), and is kept `ttlMs`
 * after it was stored; then the key is free again. Within that time, a reserve finds:
 * another request's fingerprint → `mismatch`; an answer → `replay`; a reservation younger than
 * IN_FLIGHT_EXPIRY_MS whose holder may still run → `in_flight`; otherwise the key is `reserved`.
 */
export interface IdempotencyStore {
  /** How long an answer is kept, and the marks of the appends it came from. */
  readonly ttlMs: number;
  recordFor(actor: string, idempotencyKey: string): IdempotencyRecord;
  reserve(record: IdempotencyRecord, requestFingerprint: string, nowMs: number): Promise<Reservation>;
  complete(record: IdempotencyRecord, answer: StoredAnswer, nowMs: number): Promise<void>;
  release(record: IdempotencyRecord): Promise<void>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
