import { MongoClient, type Db } from 'mongodb';
import type {
  CollectionSpec,
  DeadLetter,
  FindPage,
  FindQuery,
  ReadDocument,
  ReadStore,
  ReadTransaction,
  TransactionOptions,
} from '../read-store.port.js';
import { UnknownGenerationError } from '../read-store.errors.js';
import { assertCollectionSpec } from '../query/query-validation.js';
import { Mutex } from '../mutex.js';
import { documentCollectionName, MongoCollections } from './mongodb-collections.js';
import { MongoTransaction } from './mongodb-transaction.js';

export interface MongoReadStoreOptions {
  readonly url: string;
  readonly database: string;
}

interface MetaRecord { _id: string; value: number }
interface GenerationRecord { _id: number; collections: string[] }

/**
 * MongoDB adapter. Multi-document transactions need a replica set (a single-node one is enough:
 * `mongod --replSet rs0` then `rs.initiate()`); on a standalone server every transaction fails.
 * Reads outside a transaction look the active generation up first; should a switch drop the
 * collection in between, an empty answer is re-asked once against the new generation.
 */
export class MongoReadStore implements ReadStore {
  private readonly mutex = new Mutex();
  private readonly collections: MongoCollections;

  private constructor(private readonly client: MongoClient, db: Db) {
    this.collections = new MongoCollections(db);
  }

  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = await MongoClient.connect(options.url);
    const store = new MongoReadStore(client, client.db(options.database));
    await store.bootstrap();
    return store;
  }

  private get meta() { return this.collections.db.collection<MetaRecord>('rm_meta'); }
  private get generations() { return this.collections.db.collection<GenerationRecord>('rm_generations'); }

  private async bootstrap(): Promise<void> {
    for (const key of ['active_generation', 'last_generation']) {
      await this.meta.updateOne({ _id: key }, { $setOnInsert: { value: 1 } }, { upsert: true });
    }
    await this.generations.updateOne({ _id: 1 }, { $setOnInsert: { collections: [] } }, { upsert: true });
    await this.collections.checkpoints.createIndex({ generation: 1 });
    await this.collections.deadLetters.createIndex({ generation: 1, projection: 1, position: 1 });
  }

  async activeGeneration(): Promise<number> {
    return (await this.meta.findOne({ _id: 'active_generation' }))?.value ?? 1;
  }

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    specs.forEach(assertCollectionSpec);
    await this.mutex.run(async () => this.declare(await this.activeGeneration(), specs));
  }

  get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    return this.readActive((generation) => this.collections.get<T>(generation, collection, id), (found) => found === null);
  }

  find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    return this.readActive(
      (generation) => this.collections.find<T>(generation, collection, query),
      (page) => page.items.length === 0,
    );
  }

  getCheckpoint(projection: string): Promise<number> {
    return this.readActive((generation) => this.collections.getCheckpoint(generation, projection), (position) => position === 0);
  }

  async listDeadLetters(filter: { readonly projection?: string } = {}): Promise<DeadLetter[]> {
    return this.collections.listDeadLetters(await this.activeGeneration(), filter.projection);
  }

  async getDeadLetter(id: string): Promise<DeadLetter | null> {
    return this.collections.getDeadLetter(await this.activeGeneration(), id);
  }

  async transaction<R>(work: (tx: ReadTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    return this.mutex.run(async () => {
      const session = this.client.startSession();
      session.startTransaction({ readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
      let tx: MongoTransaction | undefined;
      try {
        const generation = options?.generation ?? (await this.activeGeneration());
        if (!(await this.generations.findOne({ _id: generation }, { session }))) throw new UnknownGenerationError(generation);
        tx = new MongoTransaction(this.collections, session, generation);
        const result = await work(tx);
        tx.finish();
        await session.commitTransaction();
        return result;
      } catch (error) {
        tx?.finish();
        if (session.inTransaction()) await session.abortTransaction();
        throw error;
      } finally {
        await session.endSession();
      }
    });
  }

  async createGeneration(specs: readonly CollectionSpec[]): Promise<number> {
    specs.forEach(assertCollectionSpec);
    return this.mutex.run(async () => {
      const last = await this.meta.findOneAndUpdate({ _id: 'last_generation' }, { $inc: { value: 1 } }, { returnDocument: 'after' });
      const generation = last!.value;
      await this.generations.insertOne({ _id: generation, collections: specs.map((spec) => spec.name) });
      await this.declare(generation, specs);
      return generation;
    });
  }

  async activateGeneration(generation: number): Promise<void> {
    await this.mutex.run(async () => {
      const previous = await this.activeGeneration();
      const session = this.client.startSession();
      try {
        await session.withTransaction(async () => {
          if (!(await this.generations.findOne({ _id: generation }, { session }))) throw new UnknownGenerationError(generation);
          await this.meta.updateOne({ _id: 'active_generation' }, { $set: { value: generation } }, { session });
        });
      } finally {
        await session.endSession();
      }
      if (previous !== generation) await this.removeGeneration(previous);
    });
  }

  async dropGeneration(generation: number): Promise<void> {
    await this.mutex.run(async () => {
      if (generation === (await this.activeGeneration())) throw new Error(`generation ${generation} is active; activate another first`);
      await this.removeGeneration(generation);
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async declare(generation: number, specs: readonly CollectionSpec[]): Promise<void> {
    for (const spec of specs) await this.collections.declare(generation, spec);
    await this.generations.updateOne({ _id: generation }, { $addToSet: { collections: { $each: specs.map((spec) => spec.name) } } });
  }

  // Collection drops cannot join a transaction; a crash here leaves orphans, never a wrong answer.
  private async removeGeneration(generation: number): Promise<void> {
    const record = await this.generations.findOne({ _id: generation });
    for (const name of record?.collections ?? []) {
      await this.collections.db.collection(documentCollectionName(generation, name)).drop().catch(() => false);
    }
    await this.collections.checkpoints.deleteMany({ generation });
    await this.collections.deadLetters.deleteMany({ generation });
    await this.collections.collectionRecords.deleteMany({ generation });
    await this.generations.deleteOne({ _id: generation });
    this.collections.forgetSpecs(generation);
  }

  private async readActive<T>(read: (generation: number) => Promise<T>, looksEmpty: (result: T) => boolean): Promise<T> {
    const generation = await this.activeGeneration();
    const result = await read(generation);
    if (!looksEmpty(result)) return result;
    const now = await this.activeGeneration();
    return now === generation ? result : read(now);
  }
}
