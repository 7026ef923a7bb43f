import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describeIdempotencyStoreContract } from './idempotency-store.contract.js';
import { IN_FLIGHT_EXPIRY_MS } from './idempotency-store.js';
import { MongoIdempotencyStore } from './mongodb-idempotency-store.js';

// A standalone server is enough: e.g. MONGODB_URL=mongodb://localhost:27017
const url = process.env['MONGODB_URL'];
const TTL_MS = 86_400_000;

if (url) {
  const dropDatabase = async (database: string) => {
    const client = await MongoClient.connect(url);
    await client.db(database).dropDatabase();
    await client.close();
  };

  describeIdempotencyStoreContract('mongodb', async () => {
    const database = `idempotency_contract_${randomUUID().slice(0, 8)}`;
    return {
      open: (options) => MongoIdempotencyStore.connect(url, database, options),
      async records() {
        const client = await MongoClient.connect(url, { promoteBuffers: true });
        try {
          return await client.db(database).collection('idempotency_records').find().toArray();
        } finally {
          await client.close();
        }
      },
      dispose: () => dropDatabase(database),
    };
  });

  describe('MongoIdempotencyStore: several API instances on one database', () => {
    const t0 = Date.now();
    let dir: string;
    let database: string;
    let first: MongoIdempotencyStore;
    let second: MongoIdempotencyStore;
    const answer = { status: 201, headers: { etag: '"1"' }, body: { id: 'a' } };
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
      database = `idempotency_instances_${randomUUID().slice(0, 8)}`;
      const options = { ttlMs: TTL_MS, secretFile: join(dir, 'idempotency.secret') };
      first = await MongoIdempotencyStore.connect(url, database, options);
      second = await MongoIdempotencyStore.connect(url, database, options);
    });
    afterEach(async () => {
      await first.close();
      await second.close();
      await dropDatabase(database);
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers a retry that reaches another instance, and holds a key one instance is handling', async () => {
      expect(await first.reserve(first.recordFor('admin', 'k'), 'f', t0)).toEqual({ kind: 'reserved' });
      expect(await second.reserve(second.recordFor('admin', 'k'), 'f', t0 + 1)).toEqual({ kind: 'in_flight' });
      await first.complete(first.recordFor('admin', 'k'), answer, t0 + 2);
      expect(await second.reserve(second.recordFor('admin', 'k'), 'f', t0 + 3)).toEqual({ kind: 'replay', answer });
    });

    it('lets one of two instances racing for a new key reserve it', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? first : second).reserve(first.recordFor('admin', 'race'), 'f', t0)),
      );
      expect(results.filter(({ kind }) => kind === 'reserved')).toHaveLength(1);
      expect(results.filter(({ kind }) => kind === 'in_flight')).toHaveLength(9);
    });

    it('keeps a reservation another instance took over from the late holder that fails or completes', async () => {
      const k = first.recordFor('admin', 'k');
      await first.reserve(k, 'f', t0);
      expect(await second.reserve(k, 'f', t0 + IN_FLIGHT_EXPIRY_MS)).toEqual({ kind: 'reserved' });
      await first.release(k);
      await first.complete(k, answer, t0 + IN_FLIGHT_EXPIRY_MS + 1);
      expect(await second.reserve(k, 'f', t0 + IN_FLIGHT_EXPIRY_MS + 2)).toEqual({ kind: 'in_flight' });
      await second.complete(k, { ...answer, status: 200 }, t0 + IN_FLIGHT_EXPIRY_MS + 3);
      expect(await first.reserve(k, 'f', t0 + IN_FLIGHT_EXPIRY_MS + 4)).toEqual({ kind: 'replay', answer: { ...answer, status: 200 } });
    });

    it('has the server delete expired records by a TTL index on their expiry', async () => {
      const client = await MongoClient.connect(url);
      try {
        const indexes = await client.db(database).collection('idempotency_records').indexes();
        expect(indexes.find((index) => index.name === 'idempotency_records_expiry')).toMatchObject({ key: { expiresAt: 1 }, expireAfterSeconds: 0 });
      } finally {
        await client.close();
      }
    });
  });
} else {
  // Straight to stdout: jest swallows console output of a file whose tests are all skipped.
  process.stdout.write('MongoDB idempotency-store contract suite skipped: MONGODB_URL not set\n');
  describe.skip('idempotency store contract: mongodb (MONGODB_URL not set)', () => {
    it('needs MONGODB_URL', () => undefined);
  });
}
