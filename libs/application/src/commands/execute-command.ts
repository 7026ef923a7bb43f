import type { EventStore, RecordedEvent } from '#event-store';
import type { Decider, DomainEvent } from '#domain';
import { toMetadata, type CommandContext } from './command-context.js';
import { PreconditionFailedError } from './precondition-failed.error.js';

export interface CommandOutcome<State> {
  readonly state: State;
  /** Number of events in the stream after the command (0 = no stream). */
  readonly version: number;
  /** Global position of the stream's newest event (0 = no stream). */
  readonly position: number;
  /** What this command appended; empty when it changed nothing. */
  readonly appended: readonly DomainEvent[];
}

const toDomainEvent = <Event extends DomainEvent>(recorded: RecordedEvent) =>
  ({ type: recorded.type, data: recorded.data }) as unknown as Event;

/**
 * The one generic command handler: read the stream, fold it, decide, append with the
 * revision that was read, so a concurrent writer makes this append fail instead of overwrite.
 */
export async function executeCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Command, Event>,
  /** The command, or a function building it from the current state (to look up facts it needs). */
  command: Command | ((state: State) => Promise<Command>),
  context: CommandContext,
  now: Date,
): Promise<CommandOutcome<State>> {
  const history = await store.readStream(streamId);
  const version = history.length;
  if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
    throw new PreconditionFailedError(streamId, context.expectedVersion, version);
  }
  const state = history.map(toDomainEvent<Event>).reduce(decider.evolve, decider.initialState());
  const decided = decider.decide(typeof command === 'function' ? await (command as (s: State) => Promise<Command>)(state) : command, state);
  const lastPosition = history.at(-1)?.position ?? 0;
  if (decided.length === 0) return { state, version, position: lastPosition, appended: [] };

  const metadata = toMetadata(context, now);
  const result = await store.appendToStream(
    streamId,
    decided.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata })),
    { expectedRevision: version === 0 ? 'no_stream' : version - 1 },
  );
  return {
    state: decided.reduce(decider.evolve, state),
    version: result.nextExpectedRevision + 1,
    position: result.position,
    appended: decided,
  };
}

/** Current state of a stream without deciding anything (for facts other aggregates need). */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Promise<{ state: State; version: number }> {
  const history = await store.readStream(streamId);
  return { state: history.map(toDomainEvent<Event>).reduce(decider.evolve, decider.initialState()), version: history.length };
}
