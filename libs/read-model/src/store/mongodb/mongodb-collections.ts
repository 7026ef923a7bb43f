import { randomUUID } from 'node:crypto';
import { MongoServerError, type ClientSession, type Db, type Document, type Filter } from 'mongodb';
import type { CollectionSpec, DeadLetter, FindPage, FindQuery, NewDeadLetter, ReadDocument } from '../read-store.port.js';
import { CheckpointConflictError, UnknownCollectionError } from '../read-store.errors.js';
import { assertQueryAllowed } from '../query/query-validation.js';
import { encodeCursor, orderingOf } from '../query/cursor.js';
import { buildMongoFind } from './mongodb-find.js';

const DUPLICATE_KEY = 11000;
const NAMESPACE_EXISTS = 48;

interface Keyed extends Document { _id: string }
interface CheckpointRecord extends Keyed { generation: number; projection: string; position: number }
interface CollectionRecord extends Keyed { generation: number; name: string; spec: CollectionSpec }
interface DeadLetterRecord extends Keyed, NewDeadLetter { generation: number }

export function documentCollectionName(generation: number, collection: string): string {
  return `rm_g${generation}_${collection}`;
}

/** Operations shared by reads outside transactions (no session) and inside them (a session). */
export class MongoCollections {
  // Specs change only through this process's ensureCollections/createGeneration, which refresh it.
  private readonly specs = new Map<string, CollectionSpec>();

  constructor(readonly db: Db) {}

  get checkpoints() { return this.db.collection<CheckpointRecord>('rm_checkpoints'); }
  get collectionRecords() { return this.db.collection<CollectionRecord>('rm_collections'); }
  get deadLetters() { return this.db.collection<DeadLetterRecord>('rm_dead_letters'); }

  async declare(generation: number, spec: CollectionSpec): Promise<void> {
    const name = documentCollectionName(generation, spec.name);
    // Created up front: creating a collection inside a transaction is limited (and refused before 4.4).
    await this.db.createCollection(name).catch((error: unknown) => {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    });
    const collection = this.db.collection(name);
    for (const fields of spec.indexes) {
      await collection.createIndex(Object.fromEntries(fields.map((field) => [field, 1])));
    }
    await this.collectionRecords.updateOne(
      { _id: `${generation}:${spec.name}` },
      { $set: { generation, name: spec.name, spec } },
      { upsert: true },
    );
    this.specs.set(`${generation}:${spec.name}`, spec);
  }

  async spec(generation: number, name: string, session?: ClientSession): Promise<CollectionSpec> {
    const key = `${generation}:${name}`;
    const cached = this.specs.get(key);
    if (cached) return cached;
    const record = await this.collectionRecords.findOne({ _id: key }, { session });
    if (!record) throw new UnknownCollectionError(name, generation);
    this.specs.set(key, record.spec);
    return record.spec;
  }

  forgetSpecs(generation: number): void {
    for (const key of this.specs.keys()) if (key.startsWith(`${generation}:`)) this.specs.delete(key);
  }

  async get<T extends ReadDocument>(generation: number, name: string, id: string, session?: ClientSession): Promise<T | null> {
    await this.spec(generation, name, session);
    return (await this.documents(generation, name).findOne({ _id: id }, { session })) as T | null;
  }

  async find<T extends ReadDocument>(generation: number, name: string, query: FindQuery, session?: ClientSession): Promise<FindPage<T>> {
    assertQueryAllowed(await this.spec(generation, name, session), query);
    const { filter, sort, limit } = buildMongoFind(query);
    let cursor = this.documents(generation, name).find(filter as Filter<Keyed>, { session }).sort(sort);
    if (limit !== undefined) cursor = cursor.limit(limit);
    const documents = (await cursor.toArray()) as unknown as T[];
    if (query.limit === undefined || documents.length <= query.limit) return { items: documents, nextCursor: null };
    const items = documents.slice(0, query.limit);
    return { items, nextCursor: encodeCursor(orderingOf(query), items[items.length - 1]!) };
  }

  async put(generation: number, name: string, document: ReadDocument, session: ClientSession): Promise<void> {
    await this.spec(generation, name, session);
    // A JSON round trip gives the same semantics as the other adapters (no undefined, dates as strings).
    const json = JSON.parse(JSON.stringify(document)) as Keyed;
    await this.documents(generation, name).replaceOne({ _id: json._id }, json, { upsert: true, session });
  }

  async delete(generation: number, name: string, id: string, session: ClientSession): Promise<boolean> {
    await this.spec(generation, name, session);
    return (await this.documents(generation, name).deleteOne({ _id: id }, { session })).deletedCount > 0;
  }

  async getCheckpoint(generation: number, projection: string, session?: ClientSession): Promise<number> {
    return (await this.checkpoints.findOne({ _id: `${generation}:${projection}` }, { session }))?.position ?? 0;
  }

  /** Emmett's guard: the upsert only matches a lower stored position; a higher one makes it a duplicate key. */
  async setCheckpoint(generation: number, projection: string, position: number, session: ClientSession): Promise<void> {
    try {
      await this.checkpoints.updateOne(
        { _id: `${generation}:${projection}`, position: { $lt: position } },
        { $set: { generation, projection, position } },
        { upsert: true, session },
      );
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
        throw new CheckpointConflictError(projection, position, null);
      }
      throw error;
    }
  }

  async recordDeadLetter(generation: number, letter: NewDeadLetter, session: ClientSession): Promise<string> {
    const id = randomUUID();
    await this.deadLetters.insertOne({ _id: id, generation, ...letter }, { session });
    return id;
  }

  async removeDeadLetter(generation: number, id: string, session?: ClientSession): Promise<boolean> {
    return (await this.deadLetters.deleteOne({ _id: id, generation }, { session })).deletedCount > 0;
  }

  async listDeadLetters(generation: number, projection?: string): Promise<DeadLetter[]> {
    const filter = projection === undefined ? { generation } : { generation, projection };
    const records = await this.deadLetters.find(filter).sort({ position: 1, _id: 1 }).toArray();
    return records.map(toDeadLetter);
  }

  async getDeadLetter(generation: number, id: string): Promise<DeadLetter | null> {
    const record = await this.deadLetters.findOne({ _id: id, generation });
    return record ? toDeadLetter(record) : null;
  }

  private documents(generation: number, name: string) {
    return this.db.collection<Keyed>(documentCollectionName(generation, name));
  }
}

function toDeadLetter({ _id, generation: _generation, ...letter }: DeadLetterRecord): DeadLetter {
  return { id: _id, projection: letter.projection, position: letter.position, eventId: letter.eventId,
    streamId: letter.streamId, type: letter.type, error: letter.error, at: letter.at };
}
