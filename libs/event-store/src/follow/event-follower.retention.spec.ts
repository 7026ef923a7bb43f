import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EventStore } from '../event-store.port.js';
import { MemoryEventStore } from '../memory/memory-event-store.js';
import { EventFollower } from './event-follower.js';

// A context created after the flag is set gets `gc`, without starting jest with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', sourceIp: null, time: '2026-01-01T00:00:00Z', schemaVersion: 1 };
const append = (store: EventStore) => store.appendToStream('s', [{ type: 'Noted', data: {}, metadata }], { expectedRevision: 'any' });

describe('EventFollower while it waits', () => {
  it('holds no batch it has handled, neither a catch-up page nor a live batch', async () => {
    const store = new MemoryEventStore();
    await append(store);
    const handled: WeakRef<object>[] = [];
    const follower = new EventFollower({ eventStore: store, resumeAfter: () => 0, handle: (batch) => void handled.push(new WeakRef(batch)) });
    try {
      await follower.start();
      await append(store);
      expect(await follower.waitForPosition(2, 1000)).toBe(true);
      await nextTurn();
      collectGarbage();
      expect(handled.map((batch) => batch.deref() === undefined)).toEqual([true, true]);
    } finally {
      await follower.stop();
    }
  });
});
