import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';
import type { FoldedShare } from '../engine/fold-batch.js';
import type { NewDeadLetter } from '../engine/projection-store.port.js';
import type { StoredRecord } from './mongodb-indexes.js';

/** A dead letter as stored: under an id made of its collection and position, so a replay finds it there. */
export interface DeadLetterRecord extends NewDeadLetter {
  _id: string;
  /** The collection the event failed for: a letter is live while its collection is. */
  collection: string;
}

const DUPLICATE_KEY = 11000;

/**
 * A share's documents, each written only where the stored one is older than it. An upsert whose
 * guard does not match tries to insert the `_id` that is already there and fails with a duplicate
 * key: the document was already written, by this batch before or by a later one. Deletions are
 * written as tombstones at the share's last position, at which the document is gone. Append-only
 * documents are inserted: their id is their event's position, so one already there is this one.
 */
export function documentOperations({ model, writes, position }: FoldedShare): AnyBulkWriteOperation<StoredRecord>[] {
  return [...writes].map(([id, stored]): AnyBulkWriteOperation<StoredRecord> => {
    const record = stored === null ? { lastPosition: position, doc: null } : { lastPosition: stored.lastPosition, doc: stored.doc as StoredRecord['doc'] };
    if (model.appendOnly) return { insertOne: { document: { _id: id, ...record } } };
    return { replaceOne: { filter: { _id: id, lastPosition: { $lt: record.lastPosition } }, replacement: record, upsert: true } };
  });
}

/**
 * `app-connectors-g2-1234`: the collection (read model and generation) and the position, in the
 * letters, digits and hyphens the API takes as an id. Model names hold no hyphens, so no two differ
 * only by one.
 */
export const deadLetterId = (collection: string, position: number) => `${collection.replace(/_+/g, '-')}-${position}`;

/** Dead letters inserted once per collection and event: a replayed batch finds them there and changes nothing. */
export function deadLetterOperations(letters: readonly NewDeadLetter[], collection: string): AnyBulkWriteOperation<DeadLetterRecord>[] {
  return letters.map((letter) => ({
    updateOne: { filter: { _id: deadLetterId(collection, letter.position) }, update: { $setOnInsert: { ...letter, collection } }, upsert: true },
  }));
}

/**
 * One unordered bulk write (the operations are independent, so the server may apply them in any
 * order and goes on past a failed one). Duplicate keys are the guards saying "already written";
 * any other failure, a write concern's included, is thrown.
 */
export async function writeGuarded<T extends Document>(collection: Collection<T>, operations: AnyBulkWriteOperation<T>[]): Promise<void> {
  if (operations.length === 0) return;
  try {
    await collection.bulkWrite(operations, { ordered: false });
  } catch (error) {
    if (!onlyAlreadyWritten(error)) throw error;
  }
}

function onlyAlreadyWritten(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError) || error.result?.getWriteConcernError() !== undefined) return false;
  const writeErrors = [error.writeErrors].flat();
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
}
