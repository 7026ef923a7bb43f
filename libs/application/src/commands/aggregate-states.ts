import type { EventStore, RecordedEvent } from '#event-store';
import type { Decider, DomainEvent } from '#domain';

/** An aggregate's state with the stream version (number of events) and position it was folded to. */
export interface FoldedState<State> {
  readonly state: State;
  readonly version: number;
  readonly position: number;
}

type Fold<State, Event extends DomainEvent> = Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>;

/** Recorded events folded onto `state` (the fold's initial state when absent). */
export function foldEvents<State, Event extends DomainEvent>(recorded: readonly RecordedEvent[], fold: Fold<State, Event>, state = fold.initialState()): State {
  return recorded.map((event) => ({ type: event.type, data: event.data }) as unknown as Event).reduce(fold.evolve, state);
}

/**
 * Recently used aggregate states, by stream. A load reads only the events after the cached version
 * (usually none: one indexed look-up) instead of the whole stream, so an entry is never stale, also
 * when another process appended; the expected revision of the append guards the rest.
 * States are immutable (the deciders' evolve returns new ones), so an entry is shared safely.
 */
export class AggregateStates {
  private readonly entries = new Map<string, FoldedState<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 10_000,
  ) {}

  async load<State, Event extends DomainEvent>(streamId: string, fold: Fold<State, Event>): Promise<FoldedState<State>> {
    const cached = this.entries.get(streamId) as FoldedState<State> | undefined;
    const tail = await this.store.readStream(streamId, { fromRevision: cached?.version ?? 0 });
    if (cached && tail.length === 0) return this.remember(streamId, cached);
    return this.remember(streamId, {
      state: foldEvents(tail, fold, cached ? cached.state : fold.initialState()),
      version: (cached?.version ?? 0) + tail.length,
      position: tail.at(-1)?.position ?? 0,
    });
  }

  remember<State>(streamId: string, folded: FoldedState<State>): FoldedState<State> {
    // A Map iterates in insertion order: re-inserting marks the entry as the most recently used.
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return folded;
  }
}
