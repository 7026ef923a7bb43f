import { MongoClient, ObjectId, type AnyBulkWriteOperation, type ClientSession, type Db } from 'mongodb';
import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import { documentIdsOf, foldShare, type FoldedShare, type ModelShare, type StoredDocument } from '../engine/fold-batch.js';
import { CheckpointConflictError, DeadLetterRetryError, type DeadLetter, type NewDeadLetter, type Slot } from '../engine/projection-store.port.js';
import type { ReadStore } from '../read-store.js';
import { LIST_INDEXES, MongoQueries, type StoredRecord } from './mongodb-queries.js';

interface CheckpointRecord { _id: string; position: number; version: number }
interface DeadLetterRecord extends NewDeadLetter { _id: ObjectId; slot: Slot }
interface MetaRecord { _id: string; value: number }

const collectionOf = (model: string, slot: Slot) => (slot === 'live' ? model : `${model}__rebuild`);
const checkpointId = (model: string, slot: Slot) => `${model}:${slot}`;

/**
 * MongoDB adapter: one collection per read model, bulk writes per batch, and the checkpoint in the
 * same multi-document transaction, which needs a replica set (a single-node one is enough:
 * `mongod --replSet rs0`, then `rs.initiate()`). A rebuild fills `<model>__rebuild` and renames it
 * over the live collection; MongoDB renames one collection at a time, so readers may for a moment
 * see one model rebuilt and another not yet, both correct up to their checkpoints.
 */
export class MongoReadStore extends MongoQueries implements ReadStore {
  private constructor(private readonly client: MongoClient, db: Db) {
    super(db);
  }

  static async connect(url: string, database: string, models: readonly ReadModel[]): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    const store = new MongoReadStore(client, client.db(database));
    await store.meta.updateOne({ _id: 'generation' }, { $setOnInsert: { value: 1 } }, { upsert: true });
    await store.deadLetters.createIndex({ slot: 1, projection: 1 });
    for (const model of models) await store.ensureLive(model);
    return store;
  }

  async checkpoint(model: string, slot: Slot = 'live', session?: ClientSession) {
    return (await this.checkpoints.findOne({ _id: checkpointId(model, slot) }, { session }))?.position ?? 0;
  }

  async project(shares: readonly ModelShare[], slot: Slot, now: Date) {
    let deadLetters = 0;
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        deadLetters = 0;
        for (const share of shares) {
          const stored = await this.checkpoint(share.model.name, slot, session);
          if (stored !== share.checkpoint) throw new CheckpointConflictError(share.model.name, share.checkpoint, stored);
          const folded = foldShare(share, await this.load(share, slot, session), now);
          await this.write(folded, slot, session);
          await this.checkpoints.updateOne(
            { _id: checkpointId(share.model.name, slot) },
            { $set: { position: folded.position, version: share.model.version } },
            { upsert: true, session },
          );
          if (folded.deadLetters.length > 0) await this.deadLetters.insertMany(folded.deadLetters.map((letter) => ({ ...letter, _id: new ObjectId(), slot })), { session });
          deadLetters += folded.deadLetters.length;
        }
      }),
    );
    return { deadLetters };
  }

  async listDeadLetters() {
    return (await this.deadLetters.find({ slot: 'live' }).sort({ _id: 1 }).toArray()).map(toDeadLetter);
  }

  async getDeadLetter(id: string) {
    if (!ObjectId.isValid(id) || !/^[0-9a-f]{24}$/.test(id)) return null;
    const record = await this.deadLetters.findOne({ _id: new ObjectId(id), slot: 'live' });
    return record ? toDeadLetter(record) : null;
  }

  async retryDeadLetter(letter: DeadLetter, model: ReadModel, event: RecordedEvent, now: Date) {
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        const share = { model, events: [event], checkpoint: 0 };
        const folded = foldShare(share, await this.load(share, 'live', session), now);
        if (folded.deadLetters.length > 0) throw new DeadLetterRetryError(folded.deadLetters[0]!.error.split('\n')[0]!);
        await this.write(folded, 'live', session);
        await this.deadLetters.deleteOne({ _id: new ObjectId(letter.id) }, { session });
      }),
    );
  }

  async startRebuild(models: readonly ReadModel[]) {
    await this.abandonRebuild(models);
  }

  async finishRebuild(models: readonly ReadModel[]) {
    for (const { name } of models) {
      const rebuilt = this.db.collection(collectionOf(name, 'rebuild'));
      // A model without documents has no collection yet; one that exists makes this fail, harmlessly.
      await this.db.createCollection(collectionOf(name, 'rebuild')).catch(() => undefined);
      for (const index of LIST_INDEXES[name]!) await rebuilt.createIndex(index);
      await rebuilt.rename(name, { dropTarget: true });
    }
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        for (const { name } of models) {
          const rebuilt = await this.checkpoints.findOne({ _id: checkpointId(name, 'rebuild') }, { session });
          await this.checkpoints.deleteOne({ _id: checkpointId(name, 'rebuild') }, { session });
          await this.checkpoints.updateOne({ _id: checkpointId(name, 'live') }, { $set: { position: rebuilt?.position ?? 0, version: rebuilt?.version ?? 0 } }, { upsert: true, session });
          await this.deadLetters.deleteMany({ projection: name, slot: 'live' }, { session });
          await this.deadLetters.updateMany({ projection: name, slot: 'rebuild' }, { $set: { slot: 'live' } }, { session });
        }
        await this.meta.updateOne({ _id: 'generation' }, { $inc: { value: 1 } }, { session });
      }),
    );
    return this.generation();
  }

  async abandonRebuild(models: readonly ReadModel[]) {
    for (const { name } of models) {
      await this.db.collection(collectionOf(name, 'rebuild')).drop().catch(() => undefined);
      await this.checkpoints.deleteOne({ _id: checkpointId(name, 'rebuild') });
      await this.deadLetters.deleteMany({ projection: name, slot: 'rebuild' });
    }
  }

  async generation() {
    return (await this.meta.findOne({ _id: 'generation' }))?.value ?? 1;
  }

  async close() {
    await this.client.close();
  }

  private get checkpoints() { return this.db.collection<CheckpointRecord>('read_model_checkpoints'); }
  private get deadLetters() { return this.db.collection<DeadLetterRecord>('read_model_dead_letters'); }
  private get meta() { return this.db.collection<MetaRecord>('read_model_meta'); }

  private async load(share: ModelShare, slot: Slot, session: ClientSession): Promise<Map<string, StoredDocument>> {
    const ids = documentIdsOf(share);
    const records = ids.length === 0 ? [] : await this.db.collection<StoredRecord>(collectionOf(share.model.name, slot)).find({ _id: { $in: ids } }, { session }).toArray();
    return new Map(records.map((record) => [record._id, { doc: record.doc, lastPosition: record.lastPosition }]));
  }

  private async write({ model, writes }: FoldedShare, slot: Slot, session: ClientSession): Promise<void> {
    const operations: AnyBulkWriteOperation<StoredRecord>[] = [...writes].map(([id, stored]) =>
      stored === null
        ? { deleteOne: { filter: { _id: id } } }
        : { replaceOne: { filter: { _id: id }, replacement: { _id: id, lastPosition: stored.lastPosition, doc: stored.doc as StoredRecord['doc'] }, upsert: true } },
    );
    if (operations.length > 0) await this.db.collection<StoredRecord>(collectionOf(model.name, slot)).bulkWrite(operations, { session, ordered: false });
  }

  /** A model whose stored version differs is dropped with its checkpoint: the runner then replays it from the start. */
  private async ensureLive(model: ReadModel): Promise<void> {
    const stored = await this.checkpoints.findOne({ _id: checkpointId(model.name, 'live') });
    if (stored && stored.version !== model.version) {
      await this.live(model.name).drop().catch(() => undefined);
      await this.checkpoints.deleteOne({ _id: stored._id });
      await this.deadLetters.deleteMany({ projection: model.name, slot: 'live' });
    }
    for (const index of LIST_INDEXES[model.name]!) await this.live(model.name).createIndex(index);
  }
}

const toDeadLetter = ({ _id, slot: _slot, ...letter }: DeadLetterRecord): DeadLetter => ({ id: _id.toHexString(), ...letter });
