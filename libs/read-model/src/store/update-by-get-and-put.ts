import type { DocumentUpdate, ReadDocument, ReadTransaction } from './read-store.port.js';

/** `ReadTransaction.update` for adapters whose `get` and `put` cost no more than the update itself. */
export async function updateByGetAndPut<T extends ReadDocument>(
  tx: Pick<ReadTransaction, 'get' | 'put' | 'delete'>,
  collection: string,
  id: string,
  change: (current: T | null) => DocumentUpdate<T>,
): Promise<void> {
  const next = change(await tx.get<T>(collection, id));
  if (next === 'unchanged') return;
  if (next === 'delete') await tx.delete(collection, id);
  else await tx.put(collection, withSameId(next, id));
}

export function withSameId<T extends ReadDocument>(next: T, id: string): T {
  if (next._id !== id) throw new TypeError(`an update of ${id} returned a document with _id ${String(next._id)}`);
  return next;
}
