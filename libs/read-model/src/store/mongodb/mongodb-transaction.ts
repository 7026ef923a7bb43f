import type { ClientSession } from 'mongodb';
import type { DocumentUpdate, FindPage, FindQuery, NewDeadLetter, ReadDocument, ReadTransaction } from '../read-store.port.js';
import { updateByGetAndPut } from '../update-by-get-and-put.js';
import type { MongoCollections } from './mongodb-collections.js';

/** Every operation runs in the session's multi-document transaction on one generation. */
export class MongoTransaction implements ReadTransaction {
  private open = true;

  constructor(
    private readonly collections: MongoCollections,
    private readonly session: ClientSession,
    readonly generation: number,
  ) {}

  get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    return this.use().get<T>(this.generation, collection, id, this.session);
  }

  find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    return this.use().find<T>(this.generation, collection, query, this.session);
  }

  put<T extends ReadDocument>(collection: string, document: T): Promise<void> {
    return this.use().put(this.generation, collection, document, this.session);
  }

  delete(collection: string, id: string): Promise<boolean> {
    return this.use().delete(this.generation, collection, id, this.session);
  }

  update<T extends ReadDocument>(collection: string, id: string, change: (current: T | null) => DocumentUpdate<T>): Promise<void> {
    return updateByGetAndPut(this, collection, id, change);
  }

  getCheckpoint(projection: string): Promise<number> {
    return this.use().getCheckpoint(this.generation, projection, this.session);
  }

  setCheckpoint(projection: string, position: number): Promise<void> {
    return this.use().setCheckpoint(this.generation, projection, position, this.session);
  }

  recordDeadLetter(letter: NewDeadLetter): Promise<string> {
    return this.use().recordDeadLetter(this.generation, letter, this.session);
  }

  removeDeadLetter(id: string): Promise<boolean> {
    return this.use().removeDeadLetter(this.generation, id, this.session);
  }

  finish(): void {
    this.open = false;
  }

  private use(): MongoCollections {
    if (!this.open) throw new Error('read-store transaction already finished');
    return this.collections;
  }
}
