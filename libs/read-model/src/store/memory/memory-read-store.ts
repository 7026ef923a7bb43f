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
import { MemoryGeneration } from './memory-generation.js';
import { MemoryTransaction } from './memory-transaction.js';

/** Read store held in process memory: for tests and for development without a file. */
export class MemoryReadStore implements ReadStore {
  private readonly generations = new Map<number, MemoryGeneration>([[1, new MemoryGeneration(1)]]);
  private active = 1;
  private lastGeneration = 1;
  private lastDeadLetterId = 0;
  private readonly mutex = new Mutex();

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    specs.forEach(assertCollectionSpec);
    await this.mutex.run(async () => specs.forEach((spec) => this.live().declare(spec)));
  }

  async get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    return this.live().get<T>(collection, id);
  }

  async find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    return this.live().find<T>(collection, query);
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.live().checkpoints.get(projection) ?? 0;
  }

  async transaction<R>(work: (tx: ReadTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    return this.mutex.run(async () => {
      const tx = new MemoryTransaction(this.generation(options?.generation ?? this.active), () =>
        String(++this.lastDeadLetterId),
      );
      try {
        const result = await work(tx);
        tx.commit();
        return result;
      } catch (error) {
        tx.discard();
        throw error;
      }
    });
  }

  async listDeadLetters(filter: { readonly projection?: string } = {}): Promise<DeadLetter[]> {
    return [...this.live().deadLetters.values()]
      .filter((letter) => filter.projection === undefined || letter.projection === filter.projection)
      .sort((a, b) => a.position - b.position)
      .map((letter) => ({ ...letter }));
  }

  async getDeadLetter(id: string): Promise<DeadLetter | null> {
    const letter = this.live().deadLetters.get(id);
    return letter ? { ...letter } : null;
  }

  async activeGeneration(): Promise<number> {
    return this.active;
  }

  async createGeneration(specs: readonly CollectionSpec[]): Promise<number> {
    specs.forEach(assertCollectionSpec);
    return this.mutex.run(async () => {
      const generation = new MemoryGeneration(++this.lastGeneration);
      specs.forEach((spec) => generation.declare(spec));
      this.generations.set(generation.number, generation);
      return generation.number;
    });
  }

  async activateGeneration(generation: number): Promise<void> {
    await this.mutex.run(async () => {
      this.generation(generation);
      const previous = this.active;
      this.active = generation;
      if (previous !== generation) this.generations.delete(previous);
    });
  }

  async dropGeneration(generation: number): Promise<void> {
    await this.mutex.run(async () => {
      if (generation === this.active) throw new Error(`generation ${generation} is active; activate another first`);
      this.generations.delete(generation);
    });
  }

  async close(): Promise<void> {}

  private live(): MemoryGeneration {
    return this.generation(this.active);
  }

  private generation(number: number): MemoryGeneration {
    const generation = this.generations.get(number);
    if (!generation) throw new UnknownGenerationError(number);
    return generation;
  }
}
