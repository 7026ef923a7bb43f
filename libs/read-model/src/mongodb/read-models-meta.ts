import type { Filter, UpdateFilter } from 'mongodb';
import type { Slot } from '../engine/projection-store.port.js';

/** Where one read model of a slot lives, the version it was built with, and how far it got. */
export interface ModelState {
  readonly collection: string;
  readonly version: number;
  readonly checkpoint: number;
}

/**
 * The one document that says which collections readers read and how far each got. Every switch
 * (a rebuild's, a version's reset) and every checkpoint move is a single-document update of it:
 * atomic on any MongoDB server, a standalone one included, with no transaction.
 */
export interface MetaDocument {
  _id: typeof META_ID;
  /** Counts switches: each finished rebuild makes the next generation. */
  generation: number;
  live: Record<string, ModelState>;
  rebuild: Record<string, ModelState>;
}

/** The collection of the meta document, and the document's id. */
export const META_COLLECTION = 'read_model_meta';
export const META_ID = 'read_models';

/** One single-document update of the meta document. */
type MetaUpdate = { filter: Filter<MetaDocument>; update: UpdateFilter<MetaDocument> };

/** A rebuild fills the collections of the next generation, so a name is never reused while readers may read it. */
export const collectionOf = (model: string, generation: number) => `${model}__g${generation}`;

/** The read model a collection of `collectionOf` belongs to; undefined for any other collection. */
export const modelOfCollection = (collection: string) => /^(.+)__g\d+$/.exec(collection)?.[1];

/** One read model's checkpoint, moving from where the batch was folded to the batch's last event. */
export interface CheckpointMove {
  readonly model: string;
  readonly collection: string;
  readonly from: number;
  readonly to: number;
}

/** What a share of a batch meets in the stored checkpoint before anything is written. */
type ShareVerdict = 'apply' | 'already-applied' | 'conflict';

/**
 * `apply` when the checkpoint is where the share starts; `already-applied` when it is already at the
 * share's last event (the same batch, replayed after a commit whose answer was lost); otherwise
 * another writer moved it.
 */
export function judgeShare(stored: number, from: number, to: number): ShareVerdict {
  if (stored === from) return 'apply';
  return stored === to ? 'already-applied' : 'conflict';
}

/**
 * The checkpoints of a batch, moved in one update matched on where each of them started (emmett's
 * pattern): a writer that lost a race matches nothing, and reads the document again to tell.
 */
export function checkpointUpdate(slot: Slot, moves: readonly CheckpointMove[]): MetaUpdate {
  const filter: Record<string, unknown> = { _id: META_ID };
  const set: Record<string, number> = {};
  for (const { model, collection, from, to } of moves) {
    filter[`${slot}.${model}.collection`] = collection;
    filter[`${slot}.${model}.checkpoint`] = from;
    set[`${slot}.${model}.checkpoint`] = to;
  }
  return { filter: filter as Filter<MetaDocument>, update: { $set: set } as UpdateFilter<MetaDocument> };
}

/** After an update that matched nothing: the moves another attempt already made are fine, any other state is a conflict. */
export function firstConflict(meta: MetaDocument | null, slot: Slot, moves: readonly CheckpointMove[]): { move: CheckpointMove; stored: number } | null {
  for (const move of moves) {
    const stored = meta?.[slot][move.model];
    if (stored?.collection !== move.collection || stored.checkpoint !== move.to) return { move, stored: stored?.checkpoint ?? 0 };
  }
  return null;
}

/** Registers a read model the document does not know yet, unless another process just did. */
export function registerUpdate(model: string, state: ModelState): MetaUpdate {
  return {
    filter: { _id: META_ID, [`live.${model}`]: { $exists: false } } as Filter<MetaDocument>,
    update: { $set: { [`live.${model}`]: state } } as UpdateFilter<MetaDocument>,
  };
}

/** Starts a read model afresh in its live collection (emptied first), matched on the version being replaced. */
export function resetUpdate(model: string, stored: ModelState, version: number): MetaUpdate {
  return {
    filter: { _id: META_ID, [`live.${model}.collection`]: stored.collection, [`live.${model}.version`]: stored.version } as Filter<MetaDocument>,
    update: { $set: { [`live.${model}`]: { collection: stored.collection, version, checkpoint: 0 } } } as UpdateFilter<MetaDocument>,
  };
}

/** Rebuild slots in the next generation's collections, matched on the generation they were named after. */
export function startRebuildUpdate(generation: number, models: readonly { name: string; version: number }[]): MetaUpdate {
  const set: Record<string, ModelState> = {};
  for (const { name, version } of models) set[`rebuild.${name}`] = { collection: collectionOf(name, generation + 1), version, checkpoint: 0 };
  return { filter: { _id: META_ID, generation } as Filter<MetaDocument>, update: { $set: set } as UpdateFilter<MetaDocument> };
}

/**
 * The switch: the rebuilt models become the live ones with their checkpoints, and the generation
 * moves on, in one update matched on the generation and on each rebuild as it was read, so that a
 * rebuild started again or still being written in the meantime is not switched half done.
 */
export function switchUpdate(meta: MetaDocument, models: readonly string[]): MetaUpdate {
  const filter: Record<string, unknown> = { _id: META_ID, generation: meta.generation };
  const set: Record<string, ModelState> = {};
  const unset: Record<string, ''> = {};
  for (const model of models) {
    const rebuilt = meta.rebuild[model];
    if (!rebuilt) throw new Error(`no rebuild of read model ${model} was started`);
    filter[`rebuild.${model}.collection`] = rebuilt.collection;
    filter[`rebuild.${model}.checkpoint`] = rebuilt.checkpoint;
    set[`live.${model}`] = rebuilt;
    unset[`rebuild.${model}`] = '';
  }
  return { filter: filter as Filter<MetaDocument>, update: { $set: set, $unset: unset, $inc: { generation: 1 } } as UpdateFilter<MetaDocument> };
}

/** Ends a rebuild slot, matched on the collection that was dropped. */
export function abandonUpdate(model: string, stored: ModelState): MetaUpdate {
  return {
    filter: { _id: META_ID, [`rebuild.${model}.collection`]: stored.collection } as Filter<MetaDocument>,
    update: { $unset: { [`rebuild.${model}`]: '' } } as UpdateFilter<MetaDocument>,
  };
}
