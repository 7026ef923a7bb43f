import { inStream, newEvent, type StoreRef, uniqueStream } from './fixtures.contract.js';

export function describeRead(store: StoreRef): void {
  describe('readStream', () => {
    it('reads forwards from a revision, at most maxCount events', async () => {
      const stream = uniqueStream('read');
      await store().appendToStream(stream, ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => newEvent(type)), {
        expectedRevision: 'no_stream',
      });
      const types = async (options: { fromRevision?: number; maxCount?: number }) =>
        (await store().readStream(stream, options)).map((e) => e.type);
      expect(await types({})).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
      expect(await types({ fromRevision: 2 })).toEqual(['E2', 'E3', 'E4']);
      expect(await types({ maxCount: 2 })).toEqual(['E0', 'E1']);
      expect(await types({ fromRevision: 1, maxCount: 2 })).toEqual(['E1', 'E2']);
      expect(await types({ fromRevision: 5 })).toEqual([]);
    });

    it('gives an empty list for an unknown stream', async () => {
      expect(await store().readStream(uniqueStream('unknown'))).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('reads all streams in global order with strictly increasing positions', async () => {
      const [a, b] = [uniqueStream('all-a'), uniqueStream('all-b')];
      const head = await store().headPosition();
      const results = [
        await store().appendToStream(a, [newEvent('A1')], { expectedRevision: 'no_stream' }),
        await store().appendToStream(b, [newEvent('B1'), newEvent('B2')], { expectedRevision: 'no_stream' }),
        await store().appendToStream(a, [newEvent('A2')], { expectedRevision: 0 }),
      ];
      const ours = (await store().readAll({ after: head })).filter((e) => e.streamId === a || e.streamId === b);
      expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
      const positions = ours.map((e) => e.position);
      expect(positions[0]).toBeGreaterThan(head);
      positions.slice(1).forEach((position, i) => expect(position).toBeGreaterThan(positions[i]!));
      expect(results.map((r) => r.position)).toEqual([positions[0], positions[2], positions[3]]);
    });

    it('reads strictly after the given position', async () => {
      const stream = uniqueStream('after');
      await store().appendToStream(stream, [newEvent('E0'), newEvent('E1'), newEvent('E2')], { expectedRevision: 'no_stream' });
      const [first] = await store().readStream(stream);
      const after = (await store().readAll({ after: first!.position })).filter(inStream(stream));
      expect(after.map((e) => e.type)).toEqual(['E1', 'E2']);
    });

    it('starts above position 0 and returns at most maxCount events', async () => {
      const stream = uniqueStream('max');
      const head = await store().headPosition();
      await store().appendToStream(stream, [newEvent('E0'), newEvent('E1'), newEvent('E2')], { expectedRevision: 'no_stream' });
      const [first] = await store().readStream(stream);
      const page = await store().readAll({ after: head, maxCount: 2 });
      expect(page).toHaveLength(2);
      expect(page[0]!.position).toBeGreaterThan(Math.max(head, 0));
      expect(page[0]!.position).toBeLessThanOrEqual(first!.position);
      expect(page[1]!.position).toBeGreaterThan(page[0]!.position);
      expect((await store().readAll({ maxCount: 1 }))[0]!.position).toBeGreaterThan(0);
    });
  });

  describe('headPosition', () => {
    it('is the position of the newest event', async () => {
      const stream = uniqueStream('head');
      const first = await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream' });
      expect(await store().headPosition()).toBeGreaterThanOrEqual(first.position);
      const second = await store().appendToStream(stream, [newEvent('B')], { expectedRevision: 0 });
      const head = await store().headPosition();
      expect(head).toBeGreaterThanOrEqual(second.position);
      expect((await store().readAll({ after: head })).filter(inStream(stream))).toEqual([]);
    });
  });
}
