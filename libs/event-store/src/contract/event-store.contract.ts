import type { EventStore } from '../event-store.port.js';
import { describeAppend } from './append.contract.js';
import { describeMarkers } from './markers.contract.js';
import { describeRead } from './read.contract.js';
import { describeSubscribe } from './subscribe.contract.js';

/**
 * The behaviour every adapter of the port must show, run by each adapter's integration spec.
 * Each test gets a fresh store from `create` and uses its own streams, so the suite also runs
 * against a shared EventStoreDB that already holds events.
 */
export function describeEventStoreContract(
  name: string,
  create: () => Promise<EventStore>,
  destroy: (store: EventStore) => Promise<void> = (store) => store.close(),
): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStore | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error('the store is only available inside a test');
      return current;
    };

    beforeEach(async () => {
      current = await create();
    });

    afterEach(async () => {
      if (current) await destroy(current);
      current = undefined;
    });

    describeAppend(store);
    describeMarkers(store);
    describeRead(store);
    describeSubscribe(store);
  });
}
