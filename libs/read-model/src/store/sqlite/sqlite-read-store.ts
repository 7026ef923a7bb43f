import Database from 'better-sqlite3';
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
import { assertCollectionSpec } from '../query/query-validation.js';
import { Mutex } from '../mutex.js';
import { SqliteConnection } from './sqlite-connection.js';
import { BOOKKEEPING_DDL, createCollection, dropGenerationObjects } from './sqlite-schema.js';
import { SqliteTransaction } from './sqlite-transaction.js';

export interface SqliteReadStoreOptions {
  /** Path of the database file; a file (not `:memory:`) because readers use a second connection. */
  readonly file: string;
}

/**
 * The embedded default. Two connections on one WAL file: the writer runs the serialised async
 * transactions, the reader serves queries, so a query never sees a transaction's uncommitted writes
 * (both would otherwise share one connection while the async callback awaits).
 * synchronous=NORMAL may lose the last commits on power loss, never consistency between documents and
 * checkpoint; the runner then re-applies from the older checkpoint, and read models can be rebuilt.
 */
export class SqliteReadStore implements ReadStore {
  private readonly mutex = new Mutex();

  private constructor(
    private readonly writer: SqliteConnection,
    private readonly reader: SqliteConnection,
  ) {}

  static open(options: SqliteReadStoreOptions): SqliteReadStore {
    const writer = new Database(options.file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = NORMAL');
    writer.pragma('busy_timeout = 5000');
    // Checkpoint the WAL every ~40 MB instead of ~4 MB: a page that many batches rewrite (the random
    // `_id` index of `tokens`) is then copied into the database once per checkpoint instead of once
    // per few batches; catch-up writes a quarter less and runs about a tenth faster.
    writer.pragma('wal_autocheckpoint = 10000');
    // 32 MiB of page cache instead of 2: the random `_id` index of `tokens` (about 15 MB at a million events)
    // then stays in memory instead of being read back from the file page by page during a catch-up.
    writer.pragma('cache_size = -32768');
    writer.exec(BOOKKEEPING_DDL);
    const reader = new Database(options.file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    return new SqliteReadStore(new SqliteConnection(writer), new SqliteConnection(reader));
  }

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    specs.forEach(assertCollectionSpec);
    await this.exclusive((db) => {
      const generation = this.writer.activeGeneration();
      for (const spec of specs) createCollection(db, generation, spec);
    });
  }

  async get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    return this.read((generation) => this.reader.get<T>(generation, collection, id));
  }

  async find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    return this.read((generation) => this.reader.find<T>(generation, collection, query));
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.read((generation) => this.reader.getCheckpoint(generation, projection));
  }

  async listDeadLetters(filter: { readonly projection?: string } = {}): Promise<DeadLetter[]> {
    return this.read((generation) => this.reader.listDeadLetters(generation, filter.projection));
  }

  async getDeadLetter(id: string): Promise<DeadLetter | null> {
    return this.read((generation) => this.reader.getDeadLetter(generation, id));
  }

  async activeGeneration(): Promise<number> {
    return this.reader.activeGeneration();
  }

  async transaction<R>(work: (tx: ReadTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    return this.mutex.run(async () => {
      const db = this.writer.db;
      db.exec('BEGIN IMMEDIATE');
      let tx: SqliteTransaction | undefined;
      try {
        const generation = options?.generation ?? this.writer.activeGeneration();
        this.writer.assertGenerationExists(generation);
        tx = new SqliteTransaction(this.writer, generation);
        const result = await work(tx);
        tx.commit();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        tx?.discard();
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async createGeneration(specs: readonly CollectionSpec[]): Promise<number> {
    specs.forEach(assertCollectionSpec);
    return this.exclusive((db) => {
      const generation = Number(db.prepare('INSERT INTO rm_generations DEFAULT VALUES').run().lastInsertRowid);
      for (const spec of specs) createCollection(db, generation, spec);
      return generation;
    });
  }

  async activateGeneration(generation: number): Promise<void> {
    await this.exclusive((db) => {
      this.writer.assertGenerationExists(generation);
      const previous = this.writer.activeGeneration();
      db.prepare("UPDATE rm_meta SET value = ? WHERE key = 'active_generation'").run(String(generation));
      if (previous !== generation) dropGenerationObjects(db, previous);
    });
  }

  async dropGeneration(generation: number): Promise<void> {
    await this.exclusive((db) => {
      if (generation === this.writer.activeGeneration()) {
        throw new Error(`generation ${generation} is active; activate another first`);
      }
      dropGenerationObjects(db, generation);
    });
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      this.reader.db.close();
      this.writer.db.close();
    });
  }

  // The active pointer and the data are read in one snapshot, so a concurrent switch cannot split them.
  private read<T>(query: (generation: number) => T): T {
    return this.reader.db.transaction(() => query(this.reader.activeGeneration()))();
  }

  private exclusive<T>(change: (db: Database.Database) => T): Promise<T> {
    return this.mutex.run(async () => {
      try {
        return this.writer.db.transaction(() => change(this.writer.db)).immediate();
      } finally {
        this.writer.forgetStatements();
        this.reader.forgetStatements();
      }
    });
  }
}
