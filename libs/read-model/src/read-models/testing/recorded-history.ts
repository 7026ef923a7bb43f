import { MemoryEventStore, type RecordedEvent } from '#event-store';
import type { ReadModel } from '../../read-model.js';
import { foldShare } from '../../engine/fold-batch.js';
import { appendEnvironmentHistory } from './environment-history.js';

/** The environment history as an event store records it (positions, revisions, metadata). */
export async function recordedHistory(): Promise<RecordedEvent[]> {
  const eventStore = new MemoryEventStore();
  const events = await appendEnvironmentHistory(eventStore);
  await eventStore.close();
  return events;
}

/** Every document `model` folds from `events`, starting from none, by id: the read model with no store in sight. */
export function documentsOf<Doc>(model: ReadModel<Doc>, events: readonly RecordedEvent[]): Map<string, Doc> {
  const { writes, deadLetters } = foldShare({ model: model as ReadModel, events, checkpoint: 0 }, new Map(), new Date(0));
  if (deadLetters.length > 0) throw new Error(`the history has events ${model.name} cannot fold: ${deadLetters[0]!.error}`);
  return new Map([...writes].map(([id, stored]) => [id, stored!.doc as Doc]));
}
