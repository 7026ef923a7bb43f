import type { RecordedEvent } from '#event-store';
import type { ReadDocument, ReadTransaction } from '../store/read-store.port.js';

/** A document that remembers the global position of the last event applied to it. */
export interface PositionedDocument extends ReadDocument {
  readonly lastPosition: number;
}

export type DocumentChange<T extends PositionedDocument> = Omit<T, 'lastPosition'> | 'delete' | 'unchanged';

/**
 * Loads one document, lets `evolve` decide its next state and stores it stamped with the event's
 * position, unless the document already saw this event or a later one: that is what makes a
 * replayed event change nothing. (A deleted document has no stamp; the checkpoint committed in the
 * same transaction is what keeps a replay from recreating it.)
 */
export async function evolveDocument<T extends PositionedDocument>(
  tx: ReadTransaction,
  collection: string,
  id: string,
  event: RecordedEvent,
  evolve: (current: T | null) => DocumentChange<T>,
): Promise<void> {
  const current = await tx.get<T>(collection, id);
  if (current && current.lastPosition >= event.position) return;
  const next = evolve(current);
  if (next === 'unchanged') return;
  if (next === 'delete') {
    if (current) await tx.delete(collection, id);
    return;
  }
  await tx.put(collection, { ...next, _id: id, lastPosition: event.position });
}
