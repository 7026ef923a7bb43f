import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { newEvent } from '../contract/fixtures.contract.js';
import { MemoryEventStore } from './memory-event-store.js';

describeEventStoreContract('memory', async () => new MemoryEventStore());

describe('MemoryEventStore', () => {
  it('starts empty at position 0 and numbers positions from 1', async () => {
    const store = new MemoryEventStore();
    expect(await store.headPosition()).toBe(0);
    expect(await store.readAll()).toEqual([]);
    const result = await store.appendToStream('s', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
    expect(result.position).toBe(2);
    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2]);
    expect(await store.headPosition()).toBe(2);
  });

  it('stores a copy, so changing the appended object later changes nothing', async () => {
    const store = new MemoryEventStore();
    const data = { list: [1] };
    await store.appendToStream('s', [{ ...newEvent('A'), data }], { expectedRevision: 'no_stream' });
    data.list.push(2);
    expect((await store.readStream('s'))[0]!.data).toEqual({ list: [1] });
  });
});
