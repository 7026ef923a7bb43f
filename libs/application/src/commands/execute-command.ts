import type { EventStore, MarkedAppend } from '#event-store';
import type { Decider, DomainEvent } from '#domain';
import { runtimeOf, type UseCaseDeps } from '../use-cases/use-case-deps.js';
import { foldEvents } from './aggregate-states.js';
import { eventIdOf } from './event-ids.js';
import { toMetadata, type CommandContext } from './command-context.js';
import { PreconditionFailedError } from './precondition-failed.error.js';

export interface CommandOutcome<State> {
  readonly state: State;
  /** Number of events in the stream after the command (0 = no stream). */
  readonly version: number;
  /** Global position of the stream's newest event (0 = no stream). */
  readonly position: number;
}

/**
 * The one generic command handler: load the stream's state, decide, append with the revision
 * that was loaded, so a concurrent writer makes this append fail instead of overwrite.
 */
export async function executeCommand<State, Command, Event extends DomainEvent>(
  deps: UseCaseDeps,
  streamId: string,
  decider: Decider<State, Command, Event>,
  /** The command, or a function building it from the current state (to look up facts it needs). */
  command: Command | ((state: State) => Promise<Command>),
  context: CommandContext,
): Promise<CommandOutcome<State>> {
  const { store, states } = deps;
  // Drawn before anything else, also for an append taken as done, so that a retry draws in the same order.
  const now = runtimeOf(deps, context).now();
  const done = context.idempotency?.takeDone(streamId);
  if (done) return outcomeOfDone(store, streamId, decider, done);
  const { state, version, position } = await states.load(streamId, decider);
  if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
    throw new PreconditionFailedError(streamId, context.expectedVersion, version);
  }
  const decided = decider.decide(typeof command === 'function' ? await (command as (s: State) => Promise<Command>)(state) : command, state);
  if (decided.length === 0) return { state, version, position };

  const metadata = toMetadata(context, now);
  const marker = context.idempotency?.markNext();
  const result = await store.appendToStream(
    streamId,
    decided.map((event, index) => ({
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata,
      ...(marker ? { id: eventIdOf(marker, now, index) } : {}),
    })),
    { expectedRevision: version === 0 ? 'no_stream' : version - 1, marker },
  );
  return states.remember(streamId, {
    state: decided.reduce(decider.evolve, state),
    version: result.nextExpectedRevision + 1,
    position: result.position,
  });
}

/** What an append that a first run of this request committed left behind: the stream up to it. */
async function outcomeOfDone<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  fold: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  done: MarkedAppend,
): Promise<CommandOutcome<State>> {
  const history = await store.readStream(streamId, { maxCount: done.lastRevision + 1 });
  return { state: foldEvents(history, fold), version: done.lastRevision + 1, position: done.position };
}

/** Current state of a stream without deciding anything (for facts other aggregates need). */
export async function loadState<State, Event extends DomainEvent>(
  { states }: UseCaseDeps,
  streamId: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Promise<{ state: State; version: number }> {
  return states.load(streamId, decider);
}
