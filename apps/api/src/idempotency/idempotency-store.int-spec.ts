import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiDatabase } from '../storage/api-database.js';
import { IdempotencyStore } from './idempotency-store.js';

describe('IdempotencyStore (SQLite)', () => {
  let dir: string;
  let database: ApiDatabase;
  let store: IdempotencyStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
    database = new ApiDatabase(join(dir, 'api.sqlite'));
    store = new IdempotencyStore(database, { ttlMs: 86_400_000 });
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const answer = { status: 201, headers: { etag: '"1"' }, body: { id: 'a' } };

  it('reserves once, reports in-flight, then replays the completed answer', () => {
    expect(store.reserve('k', 'f', 0)).toEqual({ kind: 'reserved' });
    expect(store.reserve('k', 'f', 10)).toEqual({ kind: 'in_flight' });
    store.complete('k', answer, 20);
    expect(store.reserve('k', 'f', 30)).toEqual({ kind: 'replay', answer });
  });

  it('refuses another request under the same key', () => {
    store.reserve('k', 'f', 0);
    store.complete('k', answer, 1);
    expect(store.reserve('k', 'other', 2)).toEqual({ kind: 'mismatch' });
  });

  it('frees a released key, and retakes a reservation whose request died', () => {
    store.reserve('k', 'f', 0);
    store.release('k');
    expect(store.reserve('k', 'f', 1)).toEqual({ kind: 'reserved' });
    expect(store.reserve('k', 'f', 60_000)).toEqual({ kind: 'in_flight' });
    expect(store.reserve('k', 'f', 61_002)).toEqual({ kind: 'reserved' });
  });

  it('keeps completed answers across a reopen of the file', () => {
    store.reserve('k', 'f', 0);
    store.complete('k', answer, 1);
    database.close();
    database = new ApiDatabase(join(dir, 'api.sqlite'));
    store = new IdempotencyStore(database, { ttlMs: 86_400_000 });
    expect(store.reserve('k', 'f', 2)).toEqual({ kind: 'replay', answer });
  });
});
