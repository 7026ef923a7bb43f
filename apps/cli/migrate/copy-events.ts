import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '#event-store';

interface CopyProgress {
  /** Source position of the last event copied or found copied. */
  readonly position: number;
  readonly headPosition: number;
  readonly copied: number;
}

export interface CopyResult {
  /** Events appended by this run. */
  readonly copied: number;
  /** Source position up to which an earlier run had copied everything (0: none). */
  readonly resumedAfter: number;
}

/** The target holds something else than the source at a place the copy needs: nothing is overwritten. */
export class NotACopyError extends Error {
  override readonly name = 'NotACopyError';
}

interface CopyOptions {
  readonly source: EventStore;
  readonly target: EventStore;
  readonly batchSize: number;
  readonly onProgress?: (progress: CopyProgress) => void;
}

/**
 * Appends every source event to the target in global order, with its id, type, data and metadata,
 * each stream at its own revisions. Consecutive events of one stream go in one atomic append, so that
 * after a failure the target holds a prefix of the source's order: a rerun finds its end and goes on.
 * Every append states the revision it expects, so a rerun can never write an event twice.
 */
export async function copyEvents({ source, target, batchSize, onProgress }: CopyOptions): Promise<CopyResult> {
  const headPosition = await source.headPosition();
  const resumedAfter = await copiedThrough(source, target, headPosition);
  let after = resumedAfter;
  let copied = 0;
  onProgress?.({ position: after, headPosition, copied });
  for (;;) {
    const page = await source.readAll({ after, maxCount: batchSize });
    if (page.length === 0) break;
    for (const run of runsOfOneStream(page)) {
      await appendRun(target, run);
      copied += run.length;
    }
    after = page.at(-1)!.position;
    onProgress?.({ position: after, headPosition: Math.max(headPosition, after), copied });
  }
  return { copied, resumedAfter };
}

/**
 * The largest source position through which the target already has every event. The copied events
 * are a prefix of the source's order, so "the first event after p is on the target" holds for every p
 * below that position and for none from it on: a binary search over positions finds it in a few reads.
 */
async function copiedThrough(source: EventStore, target: EventStore, headPosition: number): Promise<number> {
  let low = 0;
  let high = headPosition;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const [next] = await source.readAll({ after: middle, maxCount: 1 });
    // Copied: so is everything before it, and every p up to its position has it as its next event.
    if (next && (await isOnTarget(target, next))) low = next.position;
    else high = middle;
  }
  return low;
}

async function isOnTarget(target: EventStore, event: RecordedEvent): Promise<boolean> {
  const [there] = await target.readStream(event.streamId, { fromRevision: event.revision, maxCount: 1 });
  if (there && there.id !== event.id) throw notACopy(event, there);
  return there !== undefined;
}

function notACopy(event: RecordedEvent, there: RecordedEvent): NotACopyError {
  return new NotACopyError(
    `the target's stream ${event.streamId} has event ${there.id} at revision ${event.revision} where the source has ${event.id}: ` +
      'it is not a copy of this event store; nothing was overwritten',
  );
}

function runsOfOneStream(page: readonly RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const last = runs.at(-1);
    if (last && last[0]!.streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function appendRun(target: EventStore, run: readonly RecordedEvent[]): Promise<void> {
  const first = run[0]!;
  const expectedRevision: ExpectedRevision = first.revision === 0 ? 'no_stream' : first.revision - 1;
  const events: NewEvent[] = run.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
  try {
    await target.appendToStream(first.streamId, events, { expectedRevision });
  } catch (error) {
    const [there] = await target.readStream(first.streamId, { fromRevision: first.revision, maxCount: 1 });
    if (there && there.id !== first.id) throw notACopy(first, there);
    throw error;
  }
}
