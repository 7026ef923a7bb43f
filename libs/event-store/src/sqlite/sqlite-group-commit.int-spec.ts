import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WrongExpectedRevisionError } from '../event-store.port.js';
import { newEvent, rejectionOf } from '../contract/fixtures.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { SqliteAppendError, SqliteWriter } from './sqlite-writer.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-group-commit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const newFile = () => join(dir, `events-${(files += 1)}.sqlite`);
const row = (type: string, id: string = crypto.randomUUID()) => [id, type, '{}', '{}'] as const;

/** A second connection holding the write lock, as another process appending would. */
function holdWriteLock(file: string): { release: () => void } {
  const other = new Database(file, { timeout: 0 });
  other.exec('BEGIN IMMEDIATE');
  return { release: () => (other.exec('COMMIT'), other.close()) };
}

/**
 * Runs `appends` while the writer thread waits for the lock on an append of its own, so all of
 * them are queued when it gets it: they form the next group.
 */
async function asOneGroup<T>(file: string, store: SqliteEventStore, appends: () => Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  const lock = holdWriteLock(file);
  const waiting = store.appendToStream('warm-up', [newEvent('W')], { expectedRevision: 'any' });
  await new Promise((done) => setTimeout(done, 30));
  const outcomes = Promise.allSettled(appends());
  lock.release();
  await waiting;
  return outcomes;
}

describe('SqliteEventStore writer thread', () => {
  it('commits appends that arrive together in fewer transactions than appends, each acknowledged', async () => {
    const file = newFile();
    new SqliteEventStore(file).close();
    let groups = 0;
    const writer = new SqliteWriter(file, 5000, () => (groups += 1));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => writer.append(`s-${i % 7}`, [row('A')], { expectedRevision: 'any' })));
    await writer.close();
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(results.map((_, i) => i + 1));
    expect(groups).toBeGreaterThan(0);
    expect(groups).toBeLessThan(200);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 200 });
    db.close();
  });

  it('fails a conflicting append alone: the others of its group commit', async () => {
    const file = newFile();
    const store = new SqliteEventStore(file);
    const [first, conflicting, other, next] = await asOneGroup(file, store, () => [
      store.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' }),
      store.appendToStream('s', [newEvent('B')], { expectedRevision: 'no_stream' }),
      store.appendToStream('t', [newEvent('C')], { expectedRevision: 'no_stream' }),
      store.appendToStream('s', [newEvent('D')], { expectedRevision: 0 }),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, position: 2 } });
    expect(conflicting.status).toBe('rejected');
    const error = (conflicting as PromiseRejectedResult).reason as WrongExpectedRevisionError;
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect([error.streamId, error.expected, error.actual]).toEqual(['s', 'no_stream', 0]);
    expect(other).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, position: 3 } });
    expect(next).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 1, position: 4 } });
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A', 'D']);
    await store.close();
  });

  it('undoes a bad append (duplicate event id) alone and keeps its group', async () => {
    const file = newFile();
    const store = new SqliteEventStore(file);
    const id = crypto.randomUUID();
    const outcomes = await asOneGroup(file, store, () => [
      store.appendToStream('s', [{ ...newEvent('A'), id }], { expectedRevision: 'no_stream' }),
      store.appendToStream('t', [newEvent('B'), { ...newEvent('C'), id }], { expectedRevision: 'no_stream' }),
      store.appendToStream('u', [newEvent('D')], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (outcomes[1] as PromiseRejectedResult).reason as SqliteAppendError;
    expect(error).toBeInstanceOf(SqliteAppendError);
    expect(error.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect((await store.readAll()).map((e) => [e.streamId, e.type])).toEqual([['warm-up', 'W'], ['s', 'A'], ['u', 'D']]);
    await store.close();
  });

  it('keeps the event loop turning while an append waits for the disk lock', async () => {
    const file = newFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' });
    const lock = holdWriteLock(file);
    let settled = false;
    const append = store.appendToStream('s', [newEvent('B')], { expectedRevision: 0 }).finally(() => (settled = true));
    let ticks = 0;
    await new Promise<void>((done) => {
      const timer = setInterval(() => (ticks += 1) >= 10 && (clearInterval(timer), done()), 5);
    });
    expect(ticks).toBe(10);
    expect(settled).toBe(false);
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A']);
    lock.release();
    expect(await append).toEqual({ nextExpectedRevision: 1, position: 2 });
    await store.close();
  });

  it('fails every append of a group that cannot get the write lock in time, writing nothing', async () => {
    const file = newFile();
    const store = new SqliteEventStore(file, { busyTimeoutMs: 50 });
    const lock = holdWriteLock(file);
    const outcomes = await Promise.allSettled([
      store.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' }),
      store.appendToStream('t', [newEvent('B')], { expectedRevision: 'no_stream' }),
    ]);
    lock.release();
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes.map((o) => ((o as PromiseRejectedResult).reason as SqliteAppendError).code)).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY']);
    expect(await store.headPosition()).toBe(0);
    expect(await store.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' })).toEqual({ nextExpectedRevision: 0, position: 1 });
    await store.close();
  });

  it('refuses appends once closed', async () => {
    const store = new SqliteEventStore(newFile());
    await store.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' });
    await store.close();
    expect(((await rejectionOf(store.appendToStream('s', [newEvent('B')], { expectedRevision: 0 }))) as Error).message).toBe('the event store is closed');
  });
});
