import { WrongExpectedRevisionError } from '../event-store.port.js';
import { inStream, newEvent, rejectionOf, type StoreRef, uniqueStream } from './fixtures.contract.js';

export function describeAppend(store: StoreRef): void {
  describe('appendToStream', () => {
    it('creates a stream with no_stream, numbering revisions from 0', async () => {
      const stream = uniqueStream('create');
      const result = await store().appendToStream(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      const events = await store().readStream(stream);
      expect(events.map((e) => [e.type, e.revision])).toEqual([['A', 0], ['B', 1]]);
      expect(result).toEqual({ nextExpectedRevision: 1, position: events[1]!.position });
    });

    it('refuses a second no_stream with WrongExpectedRevisionError and writes nothing', async () => {
      const stream = uniqueStream('twice');
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream' });
      const error = await rejectionOf(store().appendToStream(stream, [newEvent('B')], { expectedRevision: 'no_stream' }));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 0 });
      expect((await store().readStream(stream)).map((e) => e.type)).toEqual(['A']);
    });

    it('accepts the exact current revision and refuses a stale one', async () => {
      const stream = uniqueStream('exact');
      await store().appendToStream(stream, [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
      const ok = await store().appendToStream(stream, [newEvent('C')], { expectedRevision: 1 });
      expect(ok.nextExpectedRevision).toBe(2);
      const error = await rejectionOf(store().appendToStream(stream, [newEvent('D')], { expectedRevision: 1 }));
      expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 1, actual: 2 });
      expect((await store().readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('refuses an exact revision on a stream that does not exist, reporting actual null', async () => {
      const error = await rejectionOf(store().appendToStream(uniqueStream('missing'), [newEvent('A')], { expectedRevision: 0 }));
      expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0, actual: null });
    });

    it('stream_exists refuses a missing stream and accepts an existing one', async () => {
      const stream = uniqueStream('exists');
      const error = await rejectionOf(store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'stream_exists' }));
      expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 'stream_exists', actual: null });
      expect(await store().readStream(stream)).toEqual([]);
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream' });
      const ok = await store().appendToStream(stream, [newEvent('B')], { expectedRevision: 'stream_exists' });
      expect(ok.nextExpectedRevision).toBe(1);
    });

    it('any appends whether or not the stream exists', async () => {
      const stream = uniqueStream('any');
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'any' });
      const second = await store().appendToStream(stream, [newEvent('B')], { expectedRevision: 'any' });
      expect(second.nextExpectedRevision).toBe(1);
      expect((await store().readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('writes a batch all or nothing', async () => {
      const stream = uniqueStream('batch');
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream' });
      const batch = [newEvent('B'), newEvent('C'), newEvent('D')];
      await rejectionOf(store().appendToStream(stream, batch, { expectedRevision: 5 }));
      expect(await store().readStream(stream)).toHaveLength(1);
      const result = await store().appendToStream(stream, batch, { expectedRevision: 0 });
      const events = await store().readStream(stream);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(result).toEqual({ nextExpectedRevision: 3, position: events[3]!.position });
    });

    it('lets exactly one of two concurrent appends with the same expected revision win', async () => {
      const stream = uniqueStream('race');
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled([
        store().appendToStream(stream, [newEvent('Left')], { expectedRevision: 0 }),
        store().appendToStream(stream, [newEvent('Right')], { expectedRevision: 0 }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected.map((o) => o.reason)).toEqual([expect.any(WrongExpectedRevisionError)]);
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('round-trips id, data and metadata exactly', async () => {
      const stream = uniqueStream('roundtrip');
      const event = {
        id: '0b7e5f7a-3c1d-4f6e-9a2b-8c4d2e1f0a9b',
        type: 'IpRestrictionAdded',
        data: { cidr: '10.0.0.0/8', note: 'Zoë — 東京', nested: { list: [1, 2.5, null, true], empty: {} } },
        metadata: { ...newEvent('x').metadata, sourceIp: null, schemaVersion: 3 },
      };
      const head = await store().headPosition();
      await store().appendToStream(stream, [event], { expectedRevision: 'no_stream' });
      const fromStream = await store().readStream(stream);
      expect(fromStream).toEqual([{ ...event, streamId: stream, revision: 0, position: expect.any(Number) }]);
      expect((await store().readAll({ after: head })).filter(inStream(stream))).toEqual(fromStream);
    });
  });
}
