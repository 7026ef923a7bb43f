import type { RecordedEvent } from '#event-store';
import { describeError, type ReadModel } from '../read-model.js';
import type { NewDeadLetter } from './projection-store.port.js';

/** A document as stored: its state and the position of the last event folded into it. */
export interface StoredDocument {
  readonly doc: unknown;
  readonly lastPosition: number;
}

/** One read model's share of a batch: its events above `checkpoint`, in order. */
export interface ModelShare {
  readonly model: ReadModel;
  readonly events: readonly RecordedEvent[];
  /** The checkpoint the share starts after, as the runner knows it; the store refuses the batch when it moved. */
  readonly checkpoint: number;
}

export interface FoldedShare {
  readonly model: ReadModel;
  /** Next state per document id; null deletes. Unchanged documents are absent. */
  readonly writes: Map<string, StoredDocument | null>;
  readonly deadLetters: NewDeadLetter[];
  readonly checkpoint: number;
  /** Where the checkpoint moves to: the share's last event. */
  readonly position: number;
}

// Dead letters keep enough of a stack to find the bug, not megabytes of it.
const MAX_ERROR_LENGTH = 4000;

/** The ids of the documents a share's events change, to load them in one query. */
export function documentIdsOf({ model, events }: ModelShare): string[] {
  if (model.appendOnly) return [];
  const ids = new Set<string>();
  for (const event of events) {
    if (!model.handles.has(event.type)) continue;
    try {
      ids.add(model.documentId(event));
    } catch {
      // A poison event; `foldShare` meets it again and dead-letters it.
    }
  }
  return [...ids];
}

/**
 * Folds a share into the documents it changes, in memory. A document that already saw an event (a
 * dead letter retried out of order) ignores it. `evolve` is pure, so an event it throws on would
 * throw again: it becomes a dead letter at once and the fold goes on past it.
 */
export function foldShare(share: ModelShare, loaded: ReadonlyMap<string, StoredDocument>, now: Date): FoldedShare {
  const { model, events } = share;
  const writes = new Map<string, StoredDocument | null>();
  const deadLetters: NewDeadLetter[] = [];
  for (const event of events) {
    if (!model.handles.has(event.type)) continue;
    try {
      const id = model.documentId(event);
      const current = (writes.has(id) ? writes.get(id) : loaded.get(id)) ?? null;
      if (current !== null && current.lastPosition >= event.position) continue;
      const next = model.evolve(current?.doc ?? null, event);
      if (next === (current?.doc ?? null)) continue;
      writes.set(id, next === null ? null : { doc: next, lastPosition: event.position });
    } catch (error) {
      deadLetters.push({
        projection: model.name,
        position: event.position,
        eventId: event.id,
        streamId: event.streamId,
        type: event.type,
        error: describeError(error).slice(0, MAX_ERROR_LENGTH),
        at: now.toISOString(),
      });
    }
  }
  return { model, writes, deadLetters, checkpoint: share.checkpoint, position: events.at(-1)?.position ?? share.checkpoint };
}
