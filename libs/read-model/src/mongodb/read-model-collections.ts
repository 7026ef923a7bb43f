import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from 'mongodb';
import type { ReadModel } from '../read-model.js';
import type { DeadLetterRecord } from './guarded-writes.js';
import { LIVE_NAMES_MAX_AGE_MS, type LiveCollections } from './live-collections.js';
import { indexDescriptionsOf, type StoredRecord } from './mongodb-indexes.js';
import {
  abandonUpdate,
  collectionOf,
  META_COLLECTION,
  META_ID,
  modelOfCollection,
  registerUpdate,
  resetUpdate,
  startRebuildUpdate,
  switchUpdate,
  type MetaDocument,
} from './read-models-meta.js';

// Readers may still hold the old names this long after a switch; the old collections outlive that.
const DROP_AFTER_SWITCH_MS = 3 * LIVE_NAMES_MAX_AGE_MS;

/**
 * The read models' collections through their generations, as the meta document names them: opened
 * (a new version emptied), rebuilt beside the live ones, switched, dropped. Every change of what
 * readers read is one update of the meta document.
 */
export class ReadModelCollections {
  constructor(
    private readonly db: Db,
    private readonly liveCollections: LiveCollections,
  ) {}

  get meta() { return this.db.collection<MetaDocument>(META_COLLECTION); }
  get deadLetters() { return this.db.collection<DeadLetterRecord>('read_model_dead_letters'); }
  documents(collection: string) { return this.db.collection<StoredRecord>(collection); }

  /** The meta document as stored now; its live names are remembered for the queries. */
  async read(): Promise<MetaDocument | null> {
    const meta = await this.meta.findOne({ _id: META_ID });
    this.liveCollections.remember(meta);
    return meta;
  }

  async open(models: readonly ReadModel[]): Promise<void> {
    await this.meta.updateOne({ _id: META_ID }, { $setOnInsert: { generation: 1, live: {}, rebuild: {} } }, { upsert: true });
    await this.deadLetters.createIndex({ collection: 1, position: 1 }, { name: 'dead_letters_of_collection' });
    for (const model of models) await this.ensureLive(model);
  }

  async startRebuild(models: readonly ReadModel[]): Promise<void> {
    await this.abandonRebuild(models);
    const meta = await this.require();
    await this.dropUnnamed(models, meta);
    const { filter, update } = startRebuildUpdate(meta.generation, models);
    if ((await this.meta.updateOne(filter, update)).matchedCount === 0) throw new Error('the read models were switched while the rebuild started: start it again');
  }

  /** Indexes first, then the switch, then (once no reader can still be on them) the old collections go. */
  async finishRebuild(models: readonly ReadModel[]): Promise<number> {
    const meta = await this.require();
    const { filter, update } = switchUpdate(meta, models.map(({ name }) => name));
    for (const { name } of models) await this.buildIndexes(meta.rebuild[name]!.collection, name);
    if ((await this.meta.updateOne(filter, update)).matchedCount === 0) throw new Error('the rebuild changed while it was being switched: nothing was switched');
    await this.read();
    await delay(DROP_AFTER_SWITCH_MS);
    for (const { name } of models) {
      const old = meta.live[name];
      if (old && old.collection !== meta.rebuild[name]!.collection) await this.dropWithLetters(old.collection);
    }
    return meta.generation + 1;
  }

  async abandonRebuild(models: readonly ReadModel[]): Promise<void> {
    const meta = await this.require();
    for (const { name } of models) {
      const stored = meta.rebuild[name];
      if (!stored) continue;
      await this.dropWithLetters(stored.collection);
      const { filter, update } = abandonUpdate(name, stored);
      await this.meta.updateOne(filter, update);
    }
  }

  private async require(): Promise<MetaDocument> {
    const meta = await this.read();
    if (!meta) throw new Error('the read models\' meta document is missing: was the database dropped while the store was open?');
    return meta;
  }

  /** Registers a new read model; one whose stored version differs is emptied with its checkpoint: the runner then replays it from the start. */
  private async ensureLive(model: ReadModel): Promise<void> {
    const meta = await this.require();
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
    const live = (await this.require()).live[model.name];
    if (!live) throw new Error(`read model ${model.name} is not in the meta document after registering it`);
    await this.buildIndexes(live.collection, model.name);
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

  private async buildIndexes(collection: string, model: string): Promise<void> {
    const indexes = indexDescriptionsOf(model);
    if (indexes.length > 0) await this.documents(collection).createIndexes(indexes);
  }

  private async dropWithLetters(collection: string): Promise<void> {
    await this.documents(collection).drop();
    await this.deadLetters.deleteMany({ collection });
  }
}
