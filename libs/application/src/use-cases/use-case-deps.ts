import type { EventStore } from '#event-store';
import type { AggregateStates } from '../commands/aggregate-states.js';
import type { CommandOutcome } from '../commands/execute-command.js';
import type { CommandContext } from '../commands/command-context.js';
import type { Runtime } from '../ports/runtime.port.js';

export interface UseCaseDeps {
  readonly store: EventStore;
  readonly runtime: Runtime;
  readonly states: AggregateStates;
}

/** What every command answer carries: the stream's version (its ETag) and the global position. */
export interface Written {
  readonly version: number;
  readonly position: number;
}

/** The aggregate as a command left it, with where that was written. */
export interface WrittenState<State> extends Written {
  readonly state: State;
}

/** A command that did not throw leaves a stream behind, so its state is no longer the initial `null`. */
export function writtenState<State>({ state, version, position }: CommandOutcome<State | null>): WrittenState<State> {
  return { state: state!, version, position };
}

/** The runtime a command draws its ids, secrets and time from: the request's own under an Idempotency-Key. */
export const runtimeOf = (deps: UseCaseDeps, context: CommandContext): Runtime => context.idempotency?.runtime ?? deps.runtime;

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
