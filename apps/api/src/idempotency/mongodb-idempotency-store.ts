import { randomUUID } from 'node:crypto';
import { MongoClient, MongoServerError, type Collection, type Document } from 'mongodb';
import { loadOrCreateServerSecret } from '../storage/server-secret.js';
import { IdempotencyKeyring } from './idempotency-record-keys.js';
import { IDEMPOTENCY_SECRET, IN_FLIGHT_EXPIRY_MS, type IdempotencyRecord, type IdempotencyStore, type Reservation, type StoredAnswer } from './idempotency-store.js';

const DUPLICATE_KEY = 11000;

interface IdempotencyDocument {
  /** The record's lookup: a keyed hash of the actor and the Idempotency-Key. */
  _id: Buffer;
  fingerprint: Buffer;
  answer: Buffer | null;
  /** When it was reserved, then when it was completed: the TTL and the in-flight expiry count from here. */
  storedAt: number;
  /** `storedAt` plus the TTL: the TTL index deletes the record after it. */
  expiresAt: Date;
  /** The store that reserved it: only that one completes or releases it. */
  owner: string;
  /** The reserving call's own id: tells it whether its update took the record. */
  reservation: string;
}

/**
 * Whether a reserve takes the record over: there is none, it expired, or it is this request's own
 * reservation (same fingerprint, no answer) older than the in-flight expiry, whose holder is taken
 * to have died. Its holder may run on another machine, so only the time can tell.
 */
function takesOver(fingerprint: Buffer, nowMs: number, ttlMs: number): Document {
  return {
    $or: [
      { $eq: [{ $type: '$storedAt' }, 'missing'] },
      { $lte: ['$storedAt', nowMs - ttlMs] },
      {
        $and: [
          { $eq: ['$fingerprint', { $literal: fingerprint }] },
          { $eq: [{ $ifNull: ['$answer', null] }, null] },
          { $lte: ['$storedAt', nowMs - IN_FLIGHT_EXPIRY_MS] },
        ],
      },
    ],
  };
}

/**
 * Idempotency-Key records in MongoDB, for the server stack: every API instance reads and writes the
 * same records, keyed with the same secret. A reserve is one findOneAndUpdate that either takes the
 * record or leaves it as it is and returns it, so that two instances racing for one key cannot both
 * win. Expired records are deleted by the server (a TTL index), and are free before that.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly owner = randomUUID();

  private constructor(
    private readonly client: MongoClient,
    private readonly records: Collection<IdempotencyDocument>,
    private readonly keyring: IdempotencyKeyring,
    readonly ttlMs: number,
  ) {}

  static async connect(url: string, database: string, options: { readonly ttlMs: number; readonly secretFile: string }): Promise<MongoIdempotencyStore> {
    const keyring = new IdempotencyKeyring(loadOrCreateServerSecret(options.secretFile, IDEMPOTENCY_SECRET));
    const client = await MongoClient.connect(url);
    try {
      const records = client.db(database).collection<IdempotencyDocument>('idempotency_records');
      await records.createIndex({ expiresAt: 1 }, { name: 'idempotency_records_expiry', expireAfterSeconds: 0 });
      return new MongoIdempotencyStore(client, records, keyring, options.ttlMs);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  recordFor(actor: string, idempotencyKey: string): IdempotencyRecord {
    return this.keyring.keysOf(actor, idempotencyKey);
  }

  async reserve(record: IdempotencyRecord, requestFingerprint: string, nowMs: number): Promise<Reservation> {
    const reservation = randomUUID();
    const fingerprint = record.fingerprintOf(requestFingerprint);
    const taken: IdempotencyDocument = {
      _id: record.lookup,
      fingerprint,
      answer: null,
      storedAt: nowMs,
      expiresAt: new Date(nowMs + this.ttlMs),
      owner: this.owner,
      reservation,
    };
    const stored = await this.takeOrRead(taken, takesOver(fingerprint, nowMs, this.ttlMs));
    if (stored.reservation === reservation) return { kind: 'reserved' };
    if (!record.matches(stored.fingerprint, requestFingerprint)) return { kind: 'mismatch' };
    if (stored.answer) return { kind: 'replay', answer: record.open(stored.answer) };
    return { kind: 'in_flight' };
  }

  /** The record after the update; two first reserves of a key racing, the loser's insert collides and it reads the winner's. */
  private async takeOrRead(taken: IdempotencyDocument, condition: Document, attempt = 1): Promise<IdempotencyDocument> {
    try {
      const stored = await this.records.findOneAndUpdate(
        { _id: taken._id },
        [{ $replaceWith: { $cond: [condition, { $literal: taken }, '$$ROOT'] } }],
        { upsert: true, returnDocument: 'after', promoteBuffers: true },
      );
      if (!stored) throw new Error('MongoDB returned no idempotency record after an upsert');
      return stored;
    } catch (error) {
      if (attempt === 1 && error instanceof MongoServerError && error.code === DUPLICATE_KEY) return this.takeOrRead(taken, condition, 2);
      throw error;
    }
  }

  async complete(record: IdempotencyRecord, answer: StoredAnswer, nowMs: number): Promise<void> {
    await this.records.updateOne(
      { _id: record.lookup, owner: this.owner, answer: null },
      { $set: { answer: record.seal(answer), storedAt: nowMs, expiresAt: new Date(nowMs + this.ttlMs) } },
    );
  }

  /** Only a reservation of this store: one another instance took over after the in-flight expiry stays. */
  async release(record: IdempotencyRecord): Promise<void> {
    await this.records.deleteOne({ _id: record.lookup, owner: this.owner, answer: null });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
