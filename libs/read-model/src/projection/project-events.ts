import type { RecordedEvent } from '#event-store';
import type { ReadStore, ReadTransaction } from '../store/read-store.port.js';
import { describeError, ProjectionApplyError, type Projection } from './projection.js';

export interface ProjectEventsContext {
  readonly store: ReadStore;
  /** The generation written; pinned so that a switch by someone else fails loudly instead of mixing. */
  readonly generation: number;
  readonly now: () => Date;
}

export interface ProjectEventsOutcome {
  readonly deadLetters: number;
}

/** One projection's share of a batch: its events above its checkpoint, in order. */
export interface ProjectionWork {
  readonly projection: Projection;
  readonly events: readonly RecordedEvent[];
}

// Dead letters keep enough of a stack to find the bug, not megabytes of it.
const MAX_ERROR_LENGTH = 4000;

/**
 * Applies events (all above the projection's checkpoint, in order) in one transaction with the
 * checkpoint. When `apply` throws, the events before the culprit are committed on their own, the
 * culprit is retried alone, and if it throws again it becomes a dead letter in a transaction that
 * also moves the checkpoint past it; then the rest goes on as a batch. Any other error (the store,
 * a checkpoint conflict) propagates with nothing half-committed.
 */
export async function projectEvents(
  context: ProjectEventsContext,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<ProjectEventsOutcome> {
  if (events.length === 0) return { deadLetters: 0 };
  const failure = await tryCommit(context, [{ projection, events }]);
  if (!failure) return { deadLetters: 0 };

  const index = events.indexOf(failure.event);
  const before = await projectEvents(context, projection, events.slice(0, index));
  const alone = await tryCommit(context, [{ projection, events: [failure.event] }]);
  if (alone) await recordDeadLetter(context, alone);
  const after = await projectEvents(context, projection, events.slice(index + 1));
  return { deadLetters: before.deadLetters + (alone ? 1 : 0) + after.deadLetters };
}

/**
 * Several projections' shares of one batch in a single transaction, each committed with its own
 * checkpoint: one commit per batch instead of one per projection, and the read models move together.
 * When any `apply` throws, nothing of that transaction commits and every projection goes through
 * `projectEvents` on its own, which isolates the culprit exactly as before. Outcomes are in `work` order.
 */
export async function projectBatch(
  context: ProjectEventsContext,
  work: readonly ProjectionWork[],
): Promise<ProjectEventsOutcome[]> {
  const shares = work.filter(({ events }) => events.length > 0);
  if (shares.length === 0) return work.map(() => ({ deadLetters: 0 }));
  const failure = await tryCommit(context, shares);
  if (!failure) return work.map(() => ({ deadLetters: 0 }));
  const outcomes: ProjectEventsOutcome[] = [];
  for (const { projection, events } of work) outcomes.push(await projectEvents(context, projection, events));
  return outcomes;
}

async function tryCommit(context: ProjectEventsContext, shares: readonly ProjectionWork[]): Promise<ProjectionApplyError | null> {
  try {
    await context.store.transaction(
      async (tx) => {
        for (const share of shares) await applyShare(share, tx);
      },
      { generation: context.generation },
    );
    return null;
  } catch (error) {
    if (error instanceof ProjectionApplyError) return error;
    throw error;
  }
}

async function applyShare({ projection, events }: ProjectionWork, tx: ReadTransaction): Promise<void> {
  for (const event of events) {
    if (!projection.handles(event.type)) continue;
    try {
      await projection.apply(event, tx);
    } catch (cause) {
      throw new ProjectionApplyError(projection.name, event, cause);
    }
  }
  await tx.setCheckpoint(projection.name, events[events.length - 1]!.position);
}

async function recordDeadLetter(context: ProjectEventsContext, failure: ProjectionApplyError): Promise<void> {
  const { event } = failure;
  await context.store.transaction(
    async (tx) => {
      await tx.recordDeadLetter({
        projection: failure.projection,
        position: event.position,
        eventId: event.id,
        streamId: event.streamId,
        type: event.type,
        error: describeError(failure.cause).slice(0, MAX_ERROR_LENGTH),
        at: context.now().toISOString(),
      });
      await tx.setCheckpoint(failure.projection, event.position);
    },
    { generation: context.generation },
  );
}
