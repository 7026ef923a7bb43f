import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { collect, newEvent, rejectionOf } from '../contract/fixtures.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const newFile = () => join(dir, `events-${(files += 1)}.sqlite`);

describeEventStoreContract('sqlite', async () => new SqliteEventStore(newFile()));

describe('SqliteEventStore', () => {
  it('starts empty at position 0 and numbers positions from 1', async () => {
    const store = new SqliteEventStore(newFile());
    expect(await store.headPosition()).toBe(0);
    expect(await store.readAll()).toEqual([]);
    await store.appendToStream('s', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2]);
    expect(await store.headPosition()).toBe(2);
    await store.close();
  });

  it('keeps everything when the file is reopened', async () => {
    const file = newFile();
    const first = new SqliteEventStore(file);
    await first.appendToStream('s', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
    const written = await first.readAll();
    await first.close();
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readAll()).toEqual(written);
    const next = await reopened.appendToStream('s', [newEvent('C')], { expectedRevision: 1 });
    expect(next).toEqual({ nextExpectedRevision: 2, position: 3 });
    await reopened.close();
  });

  it('puts the file in WAL mode, so another process can read while one appends', async () => {
    const file = newFile();
    const store = new SqliteEventStore(file);
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
    await store.close();
  });

  it('writes nothing when a batch fails part-way (duplicate event id)', async () => {
    const store = new SqliteEventStore(newFile());
    const a = { ...newEvent('A'), id: 'e8f3d1f0-0000-4000-8000-000000000001' };
    await store.appendToStream('s', [a], { expectedRevision: 'no_stream' });
    await rejectionOf(store.appendToStream('s', [newEvent('B'), a], { expectedRevision: 0 }));
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A']);
    expect(await store.headPosition()).toBe(1);
    await store.close();
  });

  it('wakes a subscription on another instance of the same file without waiting for a poll', async () => {
    const file = newFile();
    const writer = new SqliteEventStore(file);
    const reader = new SqliteEventStore(file, { pollIntervalMs: 60_000 });
    await writer.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' });
    const received = await collect(reader.subscribeToAll(), 2, () => true, async (arrived) =>
      arrived.length === 1 ? writer.appendToStream('s', [newEvent('B')], { expectedRevision: 0 }) : undefined,
    );
    expect(received.map((e) => e.type)).toEqual(['A', 'B']);
    await Promise.all([writer.close(), reader.close()]);
  });
});
