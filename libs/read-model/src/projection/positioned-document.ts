import type { RecordedEvent } from '#event-store';
import type { ReadDocument, ReadTransaction } from '../store/read-store.port.js';

/** A document that remembers the global position of the last event applied to it. */
export interface PositionedDocument extends ReadDocument {
  readonly lastPosition: number;
}

export type DocumentChange<T extends PositionedDocument> = Omit<T, 'lastPosition'> | 'delete' | 'unchanged';

/**
 * Lets `evolve` decide a document's next state and stores it stamped with the event's position,
 * unless the document already saw this event or a later one: that is what makes a replayed event
 * change nothing. (A deleted document has no stamp; the checkpoint committed in the same
 * transaction is what keeps a replay from recreating it.) `evolve` gets the stored document itself
 * (see `ReadTransaction.update`): it returns a new state and leaves `current` as it is.
 */
export async function evolveDocument<T extends PositionedDocument>(
  tx: ReadTransaction,
  collection: string,
  id: string,
  event: RecordedEvent,
  evolve: (current: T | null) => DocumentChange<T>,
): Promise<void> {
  await tx.update<T>(collection, id, (current) => {
    if (current && current.lastPosition >= event.position) return 'unchanged';
    const next = evolve(current);
    if (next === 'unchanged' || next === 'delete') return next;
    return { ...next, _id: id, lastPosition: event.position } as T;
  });
}
