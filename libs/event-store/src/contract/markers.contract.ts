import { randomUUID } from 'node:crypto';
import { newEvent, rejectionOf, type StoreRef, uniqueStream } from './fixtures.contract.js';

const HOUR = 3_600_000;
const markerOf = (requestId: string, sequence: number, sealedText: string, expiresAt = Date.now() + HOUR) => ({
  requestId,
  sequence,
  sealed: Buffer.from(sealedText),
  expiresAt,
});

export function describeMarkers(store: StoreRef): void {
  describe('append markers', () => {
    it("keeps a request's marked appends, in order, with where each ended", async () => {
      const [request, first, second] = [randomUUID(), uniqueStream('marked-a'), uniqueStream('marked-b')];
      const a = await store().appendToStream(first, [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream', marker: markerOf(request, 0, 'one') });
      const b = await store().appendToStream(second, [newEvent('C')], { expectedRevision: 'no_stream', marker: markerOf(request, 1, 'two') });
      const marked = await store().markedAppends(request, Date.now());
      expect(marked.map(({ sealed, ...rest }) => ({ ...rest, sealed: Buffer.from(sealed).toString() }))).toEqual([
        { sequence: 0, streamId: first, lastRevision: 1, position: a.position, sealed: 'one' },
        { sequence: 1, streamId: second, lastRevision: 0, position: b.position, sealed: 'two' },
      ]);
      expect(await store().markedAppends(randomUUID(), Date.now())).toEqual([]);
    });

    it('writes no marker for an append it refuses', async () => {
      const [request, stream] = [randomUUID(), uniqueStream('refused')];
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream' });
      await rejectionOf(store().appendToStream(stream, [newEvent('B')], { expectedRevision: 'no_stream', marker: markerOf(request, 0, 'x') }));
      expect(await store().markedAppends(request, Date.now())).toEqual([]);
    });

    it('treats a marker as absent from its expiry on', async () => {
      const [request, stream] = [randomUUID(), uniqueStream('expiring')];
      const expiresAt = Date.now() + HOUR;
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream', marker: markerOf(request, 0, 'x', expiresAt) });
      expect(await store().markedAppends(request, expiresAt - 1)).toHaveLength(1);
      expect(await store().markedAppends(request, expiresAt)).toEqual([]);
    });

    it('never delivers a marker as an event', async () => {
      const [request, stream] = [randomUUID(), uniqueStream('not-an-event')];
      const head = await store().headPosition();
      await store().appendToStream(stream, [newEvent('A')], { expectedRevision: 'no_stream', marker: markerOf(request, 0, 'x') });
      const mine = (await store().readAll({ after: head })).filter((e) => e.streamId === stream || e.streamId.includes(request));
      expect(mine.map((e) => e.streamId)).toEqual([stream]);
    });
  });
}
