import type { FindPage, FindQuery, NewDeadLetter, ReadDocument, ReadTransaction } from '../read-store.port.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** A view of the writer connection inside BEGIN IMMEDIATE … COMMIT for one generation. */
export class SqliteTransaction implements ReadTransaction {
  private open = true;

  constructor(
    private readonly connection: SqliteConnection,
    readonly generation: number,
  ) {}

  async get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    return this.use().get<T>(this.generation, collection, id);
  }

  async find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    return this.use().find<T>(this.generation, collection, query);
  }

  async put<T extends ReadDocument>(collection: string, document: T): Promise<void> {
    this.use().put(this.generation, collection, document);
  }

  async delete(collection: string, id: string): Promise<boolean> {
    return this.use().delete(this.generation, collection, id);
  }

  async getCheckpoint(projection: string): Promise<number> {
    return this.use().getCheckpoint(this.generation, projection);
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    this.use().setCheckpoint(this.generation, projection, position);
  }

  async recordDeadLetter(letter: NewDeadLetter): Promise<string> {
    return this.use().recordDeadLetter(this.generation, letter);
  }

  async removeDeadLetter(id: string): Promise<boolean> {
    return this.use().removeDeadLetter(this.generation, id);
  }

  finish(): void {
    this.open = false;
  }

  // A leaked transaction object used after COMMIT would silently write outside any transaction.
  private use(): SqliteConnection {
    if (!this.open) throw new Error('read-store transaction already finished');
    return this.connection;
  }
}
