import type { ReadStore } from '../read-store.port.js';
import { AUDIT, CONNECTORS, type StoreDestroyer, type StoreFactory } from './contract-fixtures.js';
import { documentsContract } from './documents.contract.js';
import { findContract } from './find.contract.js';
import { transactionsContract } from './transactions.contract.js';
import { generationsContract } from './generations.contract.js';
import { updatesContract } from './updates.contract.js';

/**
 * The behaviour every ReadStore adapter must show. `create` gives a fresh, empty store per test;
 * `destroy` (default: close) removes it.
 */
export function describeReadStoreContract(name: string, create: StoreFactory, destroy?: StoreDestroyer): void {
  describe(`ReadStore contract: ${name}`, () => {
    const context: { store: ReadStore } = { store: undefined as unknown as ReadStore };

    beforeEach(async () => {
      context.store = await create();
      await context.store.ensureCollections([CONNECTORS, AUDIT]);
    });

    afterEach(async () => {
      await (destroy ? destroy(context.store) : context.store.close());
    });

    const store = (): ReadStore => context.store;
    documentsContract(store);
    findContract(store);
    transactionsContract(store);
    updatesContract(store);
    generationsContract(store);
  });
}
