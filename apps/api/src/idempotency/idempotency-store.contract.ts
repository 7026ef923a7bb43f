import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_FLIGHT_EXPIRY_MS, type IdempotencyStore } from './idempotency-store.js';

/** Where a store under test keeps its records: opened again on the same records each time, until disposed. */
interface IdempotencyStorage {
  open(options: { readonly ttlMs: number; readonly secretFile: string }): Promise<IdempotencyStore>;
  /** Every stored record with its fields as the storage holds them, binary ones as Buffers. */
  records(): Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

const TTL_MS = 86_400_000;

/** Bytes of every field value, to look for plaintext in. */
const bytesOf = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(String(value instanceof Date ? value.toISOString() : value)));

/**
 * What every idempotency store does, whichever stack it serves. Times are offsets from now, so
 * that a store whose server deletes expired records by its own clock keeps them during the test.
 */
export function describeIdempotencyStoreContract(name: string, storageFor: (dir: string) => Promise<IdempotencyStorage>) {
  describe(`idempotency store contract: ${name}`, () => {
    const t0 = Date.now();
    let dir: string;
    let storage: IdempotencyStorage;
    let store: IdempotencyStore;
    const reopen = async (ttlMs = TTL_MS, secretFile = join(dir, 'idempotency.secret')) => {
      await store.close();
      store = await storage.open({ ttlMs, secretFile });
    };
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
      storage = await storageFor(dir);
      store = await storage.open({ ttlMs: TTL_MS, secretFile: join(dir, 'idempotency.secret') });
    });
    afterEach(async () => {
      await store.close();
      await storage.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    const answer = { status: 201, headers: { etag: '"1"' }, body: { id: 'a' } };
    const k = () => store.recordFor('admin', 'k');

    it('reserves once, reports in-flight, then replays the completed answer', async () => {
      expect(await store.reserve(k(), 'f', t0)).toEqual({ kind: 'reserved' });
      expect(await store.reserve(k(), 'f', t0 + 10)).toEqual({ kind: 'in_flight' });
      await store.complete(k(), answer, t0 + 20);
      expect(await store.reserve(k(), 'f', t0 + 30)).toEqual({ kind: 'replay', answer });
    });

    it('refuses another request under the same key, in flight or completed', async () => {
      await store.reserve(k(), 'f', t0);
      expect(await store.reserve(k(), 'other', t0 + 1)).toEqual({ kind: 'mismatch' });
      await store.complete(k(), answer, t0 + 1);
      expect(await store.reserve(k(), 'other', t0 + 2)).toEqual({ kind: 'mismatch' });
    });

    it("keeps each actor's keys apart", async () => {
      await store.reserve(store.recordFor('admin', 'k'), 'f', t0);
      expect(await store.reserve(store.recordFor('ops', 'k'), 'other', t0 + 1)).toEqual({ kind: 'reserved' });
    });

    it('frees a released key, and retakes a reservation older than the in-flight expiry', async () => {
      await store.reserve(k(), 'f', t0);
      await store.release(k());
      expect(await store.reserve(k(), 'f', t0 + 1)).toEqual({ kind: 'reserved' });
      expect(await store.reserve(k(), 'f', t0 + IN_FLIGHT_EXPIRY_MS)).toEqual({ kind: 'in_flight' });
      expect(await store.reserve(k(), 'f', t0 + IN_FLIGHT_EXPIRY_MS + 1)).toEqual({ kind: 'reserved' });
      expect(await store.reserve(k(), 'f', t0 + IN_FLIGHT_EXPIRY_MS + 2)).toEqual({ kind: 'in_flight' });
    });

    it('never releases a completed answer', async () => {
      await store.reserve(k(), 'f', t0);
      await store.complete(k(), answer, t0 + 1);
      await store.release(k());
      expect(await store.reserve(k(), 'f', t0 + 2)).toEqual({ kind: 'replay', answer });
    });

    it('keeps completed answers across a reopen', async () => {
      await store.reserve(k(), 'f', t0);
      await store.complete(k(), answer, t0 + 1);
      await reopen();
      expect(await store.reserve(k(), 'f', t0 + 2)).toEqual({ kind: 'replay', answer });
    });

    it('treats a record older than the TTL as absent: the key is free for any request again', async () => {
      await reopen(3_600_000);
      await store.reserve(k(), 'f', t0);
      await store.complete(k(), answer, t0 + 1_000);
      expect(await store.reserve(k(), 'f', t0 + 3_600_999)).toEqual({ kind: 'replay', answer });
      expect(await store.reserve(k(), 'other', t0 + 3_601_000)).toEqual({ kind: 'reserved' });
      expect(await store.reserve(k(), 'other', t0 + 3_601_001)).toEqual({ kind: 'in_flight' });
    });

    it('stores neither the Idempotency-Key nor the actor nor any plaintext of the answer', async () => {
      const key = 'retry-1';
      const token = '<token><version>1</version><data>' + 'AB12'.repeat(16) + '</data></token>';
      const secretAnswer = { status: 201, headers: { etag: '"7"', location: '/api/v1/x/connector-42' }, body: { token, hint: 'hint-AB12' } };
      const record = store.recordFor('admin-actor', key);
      await store.reserve(record, 'request-fingerprint', t0);
      await store.complete(record, secretAnswer, t0 + 1);
      const records = await storage.records();
      expect(records).toHaveLength(1);
      const stored = Object.values(records[0]!).map(bytesOf);
      const needles = [key, token, 'AB12AB12', 'hint-AB12', 'connector-42', '"7"', 'admin-actor', 'request-fingerprint', 'status'];
      expect(needles.filter((needle) => stored.some((bytes) => bytes.includes(needle)))).toEqual([]);
      await reopen();
      expect(await store.reserve(store.recordFor('admin-actor', key), 'request-fingerprint', t0 + 2)).toEqual({ kind: 'replay', answer: secretAnswer });
    });

    it('finds nothing and opens nothing under another secret or another key', async () => {
      await store.reserve(k(), 'f', t0);
      await store.complete(k(), answer, t0 + 1);
      const sealed = (await storage.records())[0]!['answer'] as Buffer;
      expect(() => store.recordFor('admin', 'K').open(sealed)).toThrow();
      await reopen(TTL_MS, join(dir, 'other.secret'));
      expect(() => store.recordFor('admin', 'k').open(sealed)).toThrow();
      expect(await store.reserve(k(), 'f', t0 + 2)).toEqual({ kind: 'reserved' });
    });
  });
}
