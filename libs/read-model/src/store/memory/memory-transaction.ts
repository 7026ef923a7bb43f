import type {
  DocumentUpdate,
  FindPage,
  FindQuery,
  NewDeadLetter,
  ReadDocument,
  ReadTransaction,
} from '../read-store.port.js';
import { CheckpointConflictError } from '../read-store.errors.js';
import { updateByGetAndPut } from '../update-by-get-and-put.js';
import type { MemoryGeneration } from './memory-generation.js';

/** Buffers writes beside the committed generation; `commit` applies them, dropping them is the rollback. */
export class MemoryTransaction implements ReadTransaction {
  private readonly writes = new Map<string, Map<string, string | null>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly addedDeadLetters = new Map<string, NewDeadLetter>();
  private readonly removedDeadLetters = new Set<string>();
  private open = true;

  constructor(
    private readonly state: MemoryGeneration,
    private readonly nextDeadLetterId: () => string,
  ) {}

  get generation(): number {
    return this.state.number;
  }

  async get<T extends ReadDocument>(collection: string, id: string): Promise<T | null> {
    this.assertOpen();
    const pending = this.writes.get(collection)?.get(id);
    if (pending === undefined) return this.state.get<T>(collection, id);
    return pending === null ? null : (JSON.parse(pending) as T);
  }

  async find<T extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindPage<T>> {
    this.assertOpen();
    return this.state.find<T>(collection, query, this.writes.get(collection));
  }

  async put<T extends ReadDocument>(collection: string, document: T): Promise<void> {
    this.assertOpen();
    this.state.collection(collection);
    this.pendingWrites(collection).set(document._id, JSON.stringify(document));
  }

  async delete(collection: string, id: string): Promise<boolean> {
    const existed = (await this.get(collection, id)) !== null;
    this.pendingWrites(collection).set(id, null);
    return existed;
  }

  update<T extends ReadDocument>(collection: string, id: string, change: (current: T | null) => DocumentUpdate<T>): Promise<void> {
    return updateByGetAndPut(this, collection, id, change);
  }

  async getCheckpoint(projection: string): Promise<number> {
    this.assertOpen();
    return this.checkpoints.get(projection) ?? this.state.checkpoints.get(projection) ?? 0;
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    const stored = await this.getCheckpoint(projection);
    if (position <= stored) throw new CheckpointConflictError(projection, position, stored);
    this.checkpoints.set(projection, position);
  }

  async recordDeadLetter(letter: NewDeadLetter): Promise<string> {
    this.assertOpen();
    const id = this.nextDeadLetterId();
    this.addedDeadLetters.set(id, { ...letter });
    return id;
  }

  async removeDeadLetter(id: string): Promise<boolean> {
    this.assertOpen();
    if (this.addedDeadLetters.delete(id)) return true;
    if (!this.state.deadLetters.has(id) || this.removedDeadLetters.has(id)) return false;
    this.removedDeadLetters.add(id);
    return true;
  }

  commit(): void {
    this.open = false;
    for (const [name, writes] of this.writes) {
      const documents = this.state.collection(name).documents;
      for (const [id, json] of writes) {
        if (json === null) documents.delete(id);
        else documents.set(id, json);
      }
    }
    for (const [projection, position] of this.checkpoints) this.state.checkpoints.set(projection, position);
    for (const id of this.removedDeadLetters) this.state.deadLetters.delete(id);
    for (const [id, letter] of this.addedDeadLetters) this.state.deadLetters.set(id, { id, ...letter });
  }

  discard(): void {
    this.open = false;
  }

  private pendingWrites(collection: string): Map<string, string | null> {
    let writes = this.writes.get(collection);
    if (!writes) this.writes.set(collection, (writes = new Map()));
    return writes;
  }

  private assertOpen(): void {
    if (!this.open) throw new Error('read-store transaction already finished');
  }
}
