import type { EventStore } from '#event-store';
import { NotACopyError } from './copy-events.js';

export interface CopyCount {
  readonly events: number;
  readonly streams: number;
}

/**
 * The final count check: every source stream has as many events on the target, ending with the same
 * event. One read per stream on the target, whatever the stream's length.
 */
export async function verifyCopy(source: EventStore, target: EventStore, batchSize: number): Promise<CopyCount> {
  const lastOfStream = new Map<string, { revision: number; id: string }>();
  let events = 0;
  for (let after = 0; ; ) {
    const page = await source.readAll({ after, maxCount: batchSize });
    if (page.length === 0) break;
    for (const event of page) lastOfStream.set(event.streamId, { revision: event.revision, id: event.id });
    events += page.length;
    after = page.at(-1)!.position;
  }
  for (const [streamId, last] of lastOfStream) {
    const tail = await target.readStream(streamId, { fromRevision: last.revision, maxCount: 2 });
    if (tail.length !== 1 || tail[0]!.id !== last.id) {
      const found = tail.length === 0 ? 'fewer events' : tail.length > 1 ? 'more events' : `event ${tail[0]!.id} at its end`;
      throw new NotACopyError(`count check: the source's stream ${streamId} has ${last.revision + 1} events ending with ${last.id}; the target has ${found}`);
    }
  }
  return { events, streams: lastOfStream.size };
}
