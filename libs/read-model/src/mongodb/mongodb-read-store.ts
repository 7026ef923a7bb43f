import { setTimeout as delay } from 'node:timers/promises';
import { MongoClient, type Db } from 'mongodb';
import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import { documentIdsOf, foldShare, type ModelShare, type StoredDocument } from '../engine/fold-batch.js';
import { CheckpointConflictError, DeadLetterRetryError, type DeadLetter, type Slot } from '../engine/projection-store.port.js';
import type { ReadStore } from '../read-store.js';
import { deadLetterOperations, documentOperations, writeGuarded, type DeadLetterRecord } from './guarded-writes.js';
import { LIVE_NAMES_MAX_AGE_MS, LiveCollections } from './live-collections.js';
import { indexDescriptionsOf, type StoredRecord } from './mongodb-indexes.js';
import { MongoQueries } from './mongodb-queries.js';
import {
  abandonUpdate,
  checkpointUpdate,
  collectionOf,
  firstConflict,
  judgeShare,
  META_ID,
  modelOfCollection,
  registerUpdate,
  resetUpdate,
  startRebuildUpdate,
  switchUpdate,
  type CheckpointMove,
  type MetaDocument,
  type ModelState,
} from './read-models-meta.js';

// Readers may still hold the old names this long after a switch; the old collections outlive that.
const DROP_AFTER_SWITCH_MS = 3 * LIVE_NAMES_MAX_AGE_MS;

/**
 * MongoDB adapter, with no multi-document transaction, so a standalone server serves as well as a
 * replica set. One collection per read model and generation; a meta document names the live ones
 * with their checkpoints. A batch is one unordered bulk write per read model whose writes are
 * guarded by position (a replayed batch changes nothing), then one update of the checkpoints
 * matched on where they were: the documents are never behind their checkpoint, and a batch that
 * lost the race to another writer is refused with CheckpointConflictError. A rebuild fills the next
 * generation's collections, builds their indexes and switches every model at once by updating the
 * meta document.
 */
export class MongoReadStore extends MongoQueries implements ReadStore {
  private constructor(private readonly client: MongoClient, db: Db) {
    super(db, new LiveCollections(db.collection<MetaDocument>('read_model_meta')));
  }

  static async connect(url: string, database: string, models: readonly ReadModel[]): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    try {
      const store = new MongoReadStore(client, client.db(database));
      await store.open(models);
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async checkpoint(model: string, slot: Slot = 'live') {
    return (await this.readMeta())?.[slot][model]?.checkpoint ?? 0;
  }

  async project(shares: readonly ModelShare[], slot: Slot, now: Date) {
    const meta = await this.readMeta();
    const moves: CheckpointMove[] = [];
    const applied: ModelShare[] = [];
    for (const share of shares) {
      const stored = stateOf(meta, slot, share.model.name);
      const to = share.events.at(-1)?.position ?? share.checkpoint;
      const verdict = judgeShare(stored.checkpoint, share.checkpoint, to);
      if (verdict === 'conflict') throw new CheckpointConflictError(share.model.name, share.checkpoint, stored.checkpoint);
      if (verdict === 'already-applied' || share.events.length === 0) continue;
      moves.push({ model: share.model.name, collection: stored.collection, from: share.checkpoint, to });
      applied.push(share);
    }
    const folded = await Promise.all(applied.map(async (share, index) => foldShare(share, await this.load(moves[index]!.collection, share), now)));
    await settleAll(folded.map((share, index) => writeGuarded(this.documents(moves[index]!.collection), documentOperations(share))));
    await writeGuarded(this.deadLetters, folded.flatMap((share, index) => deadLetterOperations(share.deadLetters, moves[index]!.collection)));
    if (moves.length > 0) await this.moveCheckpoints(slot, moves);
    return { deadLetters: folded.reduce((count, share) => count + share.deadLetters.length, 0) };
  }

  async listDeadLetters() {
    const records = await this.deadLetters.find({ collection: { $in: await this.liveNames() } }).sort({ position: 1 }).toArray();
    return records.map(toDeadLetter);
  }

  async getDeadLetter(id: string) {
    const record = await this.deadLetters.findOne({ _id: id, collection: { $in: await this.liveNames() } });
    return record ? toDeadLetter(record) : null;
  }

  async retryDeadLetter(letter: DeadLetter, model: ReadModel, event: RecordedEvent, now: Date) {
    const { collection } = stateOf(await this.readMeta(), 'live', model.name);
    const record = await this.deadLetters.findOne({ _id: letter.id });
    if (record?.collection !== collection) throw new Error(`dead letter ${letter.id} is not one of the live read models' (a rebuild switched them)`);
    const share = { model, events: [event], checkpoint: 0 };
    const folded = foldShare(share, await this.load(collection, share), now);
    if (folded.deadLetters.length > 0) throw new DeadLetterRetryError(folded.deadLetters[0]!.error.split('\n')[0]!);
    // Written first: a retry after a failure in between finds the document past the event, and only removes the letter.
    await writeGuarded(this.documents(collection), documentOperations(folded));
    await this.deadLetters.deleteOne({ _id: letter.id });
  }

  async startRebuild(models: readonly ReadModel[]) {
    await this.abandonRebuild(models);
    const meta = await this.requireMeta();
    await this.dropUnnamed(models, meta);
    const { filter, update } = startRebuildUpdate(meta.generation, models);
    if ((await this.meta.updateOne(filter, update)).matchedCount === 0) throw new Error('the read models were switched while the rebuild started: start it again');
  }

  async finishRebuild(models: readonly ReadModel[]) {
    const meta = await this.requireMeta();
    const { filter, update } = switchUpdate(meta, models.map(({ name }) => name));
    for (const { name } of models) await this.buildIndexes(meta.rebuild[name]!.collection, name);
    if ((await this.meta.updateOne(filter, update)).matchedCount === 0) throw new Error('the rebuild changed while it was being switched: nothing was switched');
    await this.readMeta();
    await delay(DROP_AFTER_SWITCH_MS);
    for (const { name } of models) {
      const old = meta.live[name];
      if (old && old.collection !== meta.rebuild[name]!.collection) await this.dropWithLetters(old.collection);
    }
    return meta.generation + 1;
  }

  async abandonRebuild(models: readonly ReadModel[]) {
    const meta = await this.requireMeta();
    for (const { name } of models) {
      const stored = meta.rebuild[name];
      if (!stored) continue;
      await this.dropWithLetters(stored.collection);
      const { filter, update } = abandonUpdate(name, stored);
      await this.meta.updateOne(filter, update);
    }
  }

  async generation() {
    return (await this.readMeta())?.generation ?? 1;
  }

  async close() {
    await this.client.close();
  }

  private get meta() { return this.db.collection<MetaDocument>('read_model_meta'); }
  private get deadLetters() { return this.db.collection<DeadLetterRecord>('read_model_dead_letters'); }
  private documents(collection: string) { return this.db.collection<StoredRecord>(collection); }

  private async open(models: readonly ReadModel[]): Promise<void> {
    await this.meta.updateOne({ _id: META_ID }, { $setOnInsert: { generation: 1, live: {}, rebuild: {} } }, { upsert: true });
    await this.deadLetters.createIndex({ collection: 1, position: 1 }, { name: 'dead_letters_of_collection' });
    for (const model of models) await this.ensureLive(model);
  }

  /** Registers a new read model; one whose stored version differs is emptied with its checkpoint: the runner then replays it from the start. */
  private async ensureLive(model: ReadModel): Promise<void> {
    const meta = await this.requireMeta();
    const stored = meta.live[model.name];
    if (!stored) {
      const { filter, update } = registerUpdate(model.name, { collection: collectionOf(model.name, meta.generation), version: model.version, checkpoint: 0 });
      await this.meta.updateOne(filter, update);
    } else if (stored.version !== model.version) {
      // Emptied before the checkpoint is reset: a failure in between leaves the old version recorded, to be emptied again.
      await this.dropWithLetters(stored.collection);
      const { filter, update } = resetUpdate(model.name, stored, model.version);
      await this.meta.updateOne(filter, update);
    }
    await this.buildIndexes(stateOf(await this.readMeta(), 'live', model.name).collection, model.name);
  }

  private async readMeta(): Promise<MetaDocument | null> {
    const meta = await this.meta.findOne({ _id: META_ID });
    this.liveCollections.remember(meta);
    return meta;
  }

  private async requireMeta(): Promise<MetaDocument> {
    const meta = await this.readMeta();
    if (!meta) throw new Error('the read models\' meta document is missing: was the database dropped while the store was open?');
    return meta;
  }

  private async liveNames(): Promise<string[]> {
    return Object.values((await this.readMeta())?.live ?? {}).map((state) => state.collection);
  }

  private async moveCheckpoints(slot: Slot, moves: readonly CheckpointMove[]): Promise<void> {
    const { filter, update } = checkpointUpdate(slot, moves);
    if ((await this.meta.updateOne(filter, update)).matchedCount === 1) return;
    const conflict = firstConflict(await this.readMeta(), slot, moves);
    if (conflict) throw new CheckpointConflictError(conflict.move.model, conflict.move.from, conflict.stored);
  }

  /** The documents a share changes, tombstones included, so that a replayed event meets the deletion after it. */
  private async load(collection: string, share: ModelShare): Promise<Map<string, StoredDocument>> {
    const ids = documentIdsOf(share);
    const records = ids.length === 0 ? [] : await this.documents(collection).find({ _id: { $in: ids } }).toArray();
    return new Map(records.map((record) => [record._id, { doc: record.doc, lastPosition: record.lastPosition }]));
  }

  private async buildIndexes(collection: string, model: string): Promise<void> {
    const indexes = indexDescriptionsOf(model);
    if (indexes.length > 0) await this.documents(collection).createIndexes(indexes);
  }

  /**
   * The collections of these models that neither slot names: the next generation's, from an attempt
   * that failed before recording it, and old ones a switch was stopped before dropping.
   */
  private async dropUnnamed(models: readonly ReadModel[], meta: MetaDocument): Promise<void> {
    const named = new Set([...Object.values(meta.live), ...Object.values(meta.rebuild)].map((state) => state.collection));
    const rebuilt = new Set(models.map(({ name }) => name));
    for (const { name } of await this.db.listCollections({}, { nameOnly: true }).toArray()) {
      const model = modelOfCollection(name);
      if (model !== undefined && rebuilt.has(model) && !named.has(name)) await this.dropWithLetters(name);
    }
  }

  private async dropWithLetters(collection: string): Promise<void> {
    await this.documents(collection).drop();
    await this.deadLetters.deleteMany({ collection });
  }
}

function stateOf(meta: MetaDocument | null, slot: Slot, model: string): ModelState {
  const state = meta?.[slot][model];
  if (!state) throw new Error(slot === 'live' ? `read model ${model} has no live collection: open the store with it` : `no rebuild of read model ${model} was started`);
  return state;
}

/** Waits for every write, then throws the first failure: none is left running behind the caller. */
async function settleAll(writes: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

const toDeadLetter = ({ _id, collection: _collection, ...letter }: DeadLetterRecord): DeadLetter => ({ id: _id, ...letter });
