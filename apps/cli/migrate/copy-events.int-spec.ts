import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore, SqliteEventStore, type EventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { copyEvents, NotACopyError } from './copy-events.js';
import { verifyCopy } from './verify-copy.js';

let dir: string;
let files = 0;
const newFile = () => join(dir, `events-${(files += 1)}.sqlite`);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'copy-events-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (type: string, n: number): NewEvent => ({
  type,
  data: { n },
  metadata: { actor: 'admin', correlationId: randomUUID(), causationId: randomUUID(), sourceIp: '203.0.113.7', time: `2025-01-02T03:04:${String(n % 60).padStart(2, '0')}.000Z`, schemaVersion: 1 },
});

/** 3 streams written interleaved, some appends of several events: 40 events. */
async function filledSource(): Promise<SqliteEventStore> {
  const source = new SqliteEventStore(newFile());
  const revisions = new Map<string, number>();
  for (let n = 0; n < 20; n += 1) {
    const stream = `app_connector-${n % 3}`;
    const events = [event('Changed', 2 * n), event('Changed', 2 * n + 1)];
    const last = revisions.get(stream);
    const result = await source.appendToStream(stream, events, { expectedRevision: last ?? 'no_stream' });
    revisions.set(stream, result.nextExpectedRevision);
  }
  return source;
}

/** What a copy must keep of each event, in global order. */
const copied = (events: readonly RecordedEvent[]) => events.map(({ id, streamId, revision, type, data, metadata }) => ({ id, streamId, revision, type, data, metadata }));

/** The real target, whose `failOnAppend`-th append fails before it writes, or after (an answer lost on the way back). */
function failingOnce(target: EventStore, failOnAppend: number, when: 'before' | 'after'): EventStore {
  let appends = 0;
  return Object.assign(Object.create(target) as EventStore, {
    async appendToStream(...args: Parameters<EventStore['appendToStream']>) {
      appends += 1;
      if (appends === failOnAppend && when === 'before') throw new Error('connection reset');
      const result = await target.appendToStream(...args);
      if (appends === failOnAppend) throw new Error('connection reset');
      return result;
    },
  });
}

describe('copyEvents', () => {
  it.each([
    ['the memory store', async () => new MemoryEventStore() as EventStore],
    ['a second SQLite store', async () => new SqliteEventStore(newFile()) as EventStore],
  ])('copies every event to %s in order, with ids, revisions and metadata, and counts them', async (_, newTarget) => {
    const source = await filledSource();
    const target = await newTarget();
    const progress: number[] = [];
    const result = await copyEvents({ source, target, batchSize: 7, onProgress: (p) => progress.push(p.position) });
    expect(result).toEqual({ copied: 40, resumedAfter: 0 });
    expect(copied(await target.readAll())).toEqual(copied(await source.readAll()));
    expect(progress.at(-1)).toBe(40);
    expect(await verifyCopy(source, target, 7)).toEqual({ events: 40, streams: 3 });
    await Promise.all([source.close(), target.close()]);
  });

  it.each(['before', 'after'] as const)('resumes after a failure %s an append was written, without a duplicate', async (when) => {
    const source = await filledSource();
    const target = new SqliteEventStore(newFile());
    await expect(copyEvents({ source, target: failingOnce(target, 9, when), batchSize: 5 })).rejects.toThrow('connection reset');
    const partial = (await target.readAll()).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(40);

    const rerun = await copyEvents({ source, target, batchSize: 5 });
    expect(rerun.resumedAfter).toBe(partial);
    expect(rerun.copied).toBe(40 - partial);
    expect(copied(await target.readAll())).toEqual(copied(await source.readAll()));
    expect(await verifyCopy(source, target, 5)).toEqual({ events: 40, streams: 3 });
    await Promise.all([source.close(), target.close()]);
  });

  it('copies nothing when run again on a complete copy', async () => {
    const source = await filledSource();
    const target = new MemoryEventStore();
    await copyEvents({ source, target, batchSize: 100 });
    expect(await copyEvents({ source, target, batchSize: 100 })).toEqual({ copied: 0, resumedAfter: 40 });
    expect(await target.readAll()).toHaveLength(40);
    await source.close();
  });

  it('refuses a target whose streams hold other events, and writes nothing', async () => {
    const source = await filledSource();
    const target = new MemoryEventStore();
    await target.appendToStream('app_connector-1', [event('Other', 0)], { expectedRevision: 'no_stream' });
    const before = await target.readAll();
    await expect(copyEvents({ source, target, batchSize: 10 })).rejects.toThrow(NotACopyError);
    await expect(copyEvents({ source, target, batchSize: 10 })).rejects.toThrow(/stream app_connector-1 has event .* at revision 0/);
    // The streams before it in the source's order may be copied; app_connector-1 keeps only its own event.
    expect(await target.readStream('app_connector-1')).toEqual(before);
    await source.close();
  });

  it('the count check names a stream the target lacks events of', async () => {
    const source = await filledSource();
    const target = new MemoryEventStore();
    await copyEvents({ source, target, batchSize: 100 });
    await source.appendToStream('app_connector-2', [event('Changed', 99)], { expectedRevision: 11 });
    await expect(verifyCopy(source, target, 100)).rejects.toThrow(/app_connector-2 has 13 events .* the target has fewer events/);
    await source.close();
  });
});
