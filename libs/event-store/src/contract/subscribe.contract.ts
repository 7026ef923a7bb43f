import { collect, drain, inStream, newEvent, type StoreRef, uniqueStream } from './fixtures.contract.js';

const TIMEOUT_MS = 15_000;

export function describeSubscribe(store: StoreRef): void {
  describe('subscribeToAll', () => {
    it(
      'catches up, then delivers an event appended after subscribing',
      async () => {
        const stream = uniqueStream('live');
        const head = await store().headPosition();
        await store().appendToStream(stream, [newEvent('Past1'), newEvent('Past2')], { expectedRevision: 'no_stream' });
        const received = await collect(store().subscribeToAll({ after: head }), 3, inStream(stream), async (arrived) =>
          arrived.length === 2 ? store().appendToStream(stream, [newEvent('Live')], { expectedRevision: 1 }) : undefined,
        );
        expect(received).toEqual(await store().readStream(stream));
        expect(received.map((e) => e.type)).toEqual(['Past1', 'Past2', 'Live']);
      },
      TIMEOUT_MS,
    );

    it(
      'delivers a backlog larger than one batch in order, without gaps or repeats',
      async () => {
        const stream = uniqueStream('batches');
        const head = await store().headPosition();
        const types = ['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
        await store().appendToStream(stream, types.map((type) => newEvent(type)), { expectedRevision: 'no_stream' });
        const received = await collect(store().subscribeToAll({ after: head, batchSize: 2 }), 7, inStream(stream));
        expect(received.map((e) => e.type)).toEqual(types);
      },
      TIMEOUT_MS,
    );

    it(
      'starts strictly after the given position',
      async () => {
        const stream = uniqueStream('sub-after');
        await store().appendToStream(stream, [newEvent('E0'), newEvent('E1'), newEvent('E2')], { expectedRevision: 'no_stream' });
        const [first] = await store().readStream(stream);
        const received = await collect(store().subscribeToAll({ after: first!.position }), 2, inStream(stream));
        expect(received.map((e) => e.type)).toEqual(['E1', 'E2']);
      },
      TIMEOUT_MS,
    );

    it(
      'close() ends the iteration and nothing appended afterwards is delivered',
      async () => {
        const stream = uniqueStream('close');
        const subscription = store().subscribeToAll({ after: await store().headPosition() });
        const iterator = subscription[Symbol.asyncIterator]();
        await store().appendToStream(stream, [newEvent('Before')], { expectedRevision: 'no_stream' });
        let next = await iterator.next();
        while (!next.done && next.value.streamId !== stream) next = await iterator.next();
        expect(next.value).toMatchObject({ type: 'Before' });
        await subscription.close();
        await store().appendToStream(stream, [newEvent('After')], { expectedRevision: 0 });
        const rest = await drain(iterator);
        expect(rest.ended).toBe(true);
        expect(rest.events.filter(inStream(stream))).toEqual([]);
      },
      TIMEOUT_MS,
    );

    it(
      'close() releases a consumer that is waiting for live events',
      async () => {
        const subscription = store().subscribeToAll({ after: await store().headPosition() });
        const waiting = drain(subscription[Symbol.asyncIterator](), 3000);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await subscription.close();
        expect((await waiting).ended).toBe(true);
      },
      TIMEOUT_MS,
    );
  });
}
