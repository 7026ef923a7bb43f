import { MongoClient, type Db } from 'mongodb';
import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import { documentIdsOf, foldShare, type ModelShare, type StoredDocument } from '../engine/fold-batch.js';
import { CheckpointConflictError, DeadLetterRetryError, type DeadLetter, type Slot } from '../engine/projection-store.port.js';
import type { ReadStore } from '../read-store.js';
import { deadLetterOperations, documentOperations, writeGuarded, type DeadLetterRecord } from './guarded-writes.js';
import { LiveCollections } from './live-collections.js';
import { MongoQueries } from './mongodb-queries.js';
import { ReadModelCollections } from './read-model-collections.js';
import { checkpointUpdate, firstConflict, judgeShare, META_COLLECTION, type CheckpointMove, type MetaDocument, type ModelState } from './read-models-meta.js';

/**
 * MongoDB adapter, with no multi-document transaction, so a standalone server serves as well as a
 * replica set. One collection per read model and generation; a meta document names the live ones
 * with their checkpoints. A batch is one unordered bulk write per read model whose writes are
 * guarded by position (a replayed batch changes nothing), then one update of the checkpoints
 * matched on where they were: the documents are never behind their checkpoint, and a batch that
 * lost the race to another writer is refused with CheckpointConflictError. A rebuild fills the next
 * generation's collections, builds their indexes and switches every model at once by updating the
 * meta document (ReadModelCollections).
 */
export class MongoReadStore extends MongoQueries implements ReadStore {
  private readonly collections: ReadModelCollections;

  private constructor(private readonly client: MongoClient, db: Db) {
    super(db, new LiveCollections(db.collection<MetaDocument>(META_COLLECTION)));
    this.collections = new ReadModelCollections(db, this.liveCollections);
  }

  static async connect(url: string, database: string, models: readonly ReadModel[]): Promise<MongoReadStore> {
    const client = await MongoClient.connect(url);
    try {
      const store = new MongoReadStore(client, client.db(database));
      await store.collections.open(models);
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async checkpoint(model: string, slot: Slot = 'live') {
    return (await this.collections.read())?.[slot][model]?.checkpoint ?? 0;
  }

  async project(shares: readonly ModelShare[], slot: Slot, now: Date) {
    const meta = await this.collections.read();
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
    await settleAll(folded.map((share, index) => writeGuarded(this.collections.documents(moves[index]!.collection), documentOperations(share))));
    await writeGuarded(this.collections.deadLetters, folded.flatMap((share, index) => deadLetterOperations(share.deadLetters, moves[index]!.collection)));
    if (moves.length > 0) await this.moveCheckpoints(slot, moves);
    return { deadLetters: folded.reduce((count, share) => count + share.deadLetters.length, 0) };
  }

  async listDeadLetters() {
    const records = await this.collections.deadLetters.find({ collection: { $in: await this.liveNames() } }).sort({ position: 1 }).toArray();
    return records.map(toDeadLetter);
  }

  async getDeadLetter(id: string) {
    const record = await this.collections.deadLetters.findOne({ _id: id, collection: { $in: await this.liveNames() } });
    return record ? toDeadLetter(record) : null;
  }

  async retryDeadLetter(letter: DeadLetter, model: ReadModel, event: RecordedEvent, now: Date) {
    const { collection } = stateOf(await this.collections.read(), 'live', model.name);
    const record = await this.collections.deadLetters.findOne({ _id: letter.id });
    if (record?.collection !== collection) throw new Error(`dead letter ${letter.id} is not one of the live read models' (a rebuild switched them)`);
    const share = { model, events: [event], checkpoint: 0 };
    const folded = foldShare(share, await this.load(collection, share), now);
    if (folded.deadLetters.length > 0) throw new DeadLetterRetryError(folded.deadLetters[0]!.error.split('\n')[0]!);
    // Written first: a retry after a failure in between finds the document past the event, and only removes the letter.
    await writeGuarded(this.collections.documents(collection), documentOperations(folded));
    await this.collections.deadLetters.deleteOne({ _id: letter.id });
  }

  startRebuild(models: readonly ReadModel[]) {
    return this.collections.startRebuild(models);
  }

  finishRebuild(models: readonly ReadModel[]) {
    return this.collections.finishRebuild(models);
  }

  abandonRebuild(models: readonly ReadModel[]) {
    return this.collections.abandonRebuild(models);
  }

  async generation() {
    return (await this.collections.read())?.generation ?? 1;
  }

  async close() {
    await this.client.close();
  }

  private async liveNames(): Promise<string[]> {
    return Object.values((await this.collections.read())?.live ?? {}).map((state) => state.collection);
  }

  private async moveCheckpoints(slot: Slot, moves: readonly CheckpointMove[]): Promise<void> {
    const { filter, update } = checkpointUpdate(slot, moves);
    if ((await this.collections.meta.updateOne(filter, update)).matchedCount === 1) return;
    const conflict = firstConflict(await this.collections.read(), slot, moves);
    if (conflict) throw new CheckpointConflictError(conflict.move.model, conflict.move.from, conflict.stored);
  }

  /** The documents a share changes, tombstones included, so that a replayed event meets the deletion after it. */
  private async load(collection: string, share: ModelShare): Promise<Map<string, StoredDocument>> {
    const ids = documentIdsOf(share);
    const records = ids.length === 0 ? [] : await this.collections.documents(collection).find({ _id: { $in: ids } }).toArray();
    return new Map(records.map((record) => [record._id, { doc: record.doc, lastPosition: record.lastPosition }]));
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
