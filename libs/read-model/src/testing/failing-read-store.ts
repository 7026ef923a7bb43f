import type { ReadStore, ReadTransaction, TransactionOptions } from '../store/read-store.port.js';

/**
 * Wraps a store so that chosen transactions fail after their work ran, just before commit, the way a
 * crash or a full disk would: the wrapped store rolls them back.
 */
export class FailingReadStore implements ReadStore {
  transactions = 0;

  constructor(
    private readonly inner: ReadStore,
    private readonly shouldFail: (transactionNumber: number) => boolean,
  ) {}

  transaction<R>(work: (tx: ReadTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    const number = ++this.transactions;
    return this.inner.transaction(async (tx) => {
      const result = await work(tx);
      if (this.shouldFail(number)) throw new Error(`injected commit failure in transaction ${number}`);
      return result;
    }, options);
  }

  ensureCollections: ReadStore['ensureCollections'] = (specs) => this.inner.ensureCollections(specs);
  get: ReadStore['get'] = (collection, id) => this.inner.get(collection, id);
  find: ReadStore['find'] = (collection, query) => this.inner.find(collection, query);
  getCheckpoint: ReadStore['getCheckpoint'] = (projection) => this.inner.getCheckpoint(projection);
  listDeadLetters: ReadStore['listDeadLetters'] = (filter) => this.inner.listDeadLetters(filter);
  getDeadLetter: ReadStore['getDeadLetter'] = (id) => this.inner.getDeadLetter(id);
  activeGeneration: ReadStore['activeGeneration'] = () => this.inner.activeGeneration();
  createGeneration: ReadStore['createGeneration'] = (specs) => this.inner.createGeneration(specs);
  activateGeneration: ReadStore['activateGeneration'] = (generation) => this.inner.activateGeneration(generation);
  dropGeneration: ReadStore['dropGeneration'] = (generation) => this.inner.dropGeneration(generation);
  close: ReadStore['close'] = () => this.inner.close();
}
