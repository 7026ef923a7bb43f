import type { DomainEvent } from '#domain';
import type { ReadModel } from '../read-model.js';
import { stampAfter, type ChangeStamp } from './change-stamp.js';

/** An aggregate as a read model keeps it: the domain's own state of it, and who changed it when. */
export interface AggregateDocument<State> extends ChangeStamp {
  readonly state: State;
}

interface AggregateReadModelSpec<State, Event extends DomainEvent> extends Pick<ReadModel, 'name' | 'version' | 'handles'> {
  /** The event that creates the aggregate. */
  readonly creation: Event['type'];
  readonly documentId: (event: Event) => string;
  /** The domain's fold of the aggregate: the one the command side decides on. */
  readonly evolve: (state: State | null, event: Event) => State | null;
}

/** A read model of one aggregate's state, folded by the domain's own `evolve`: there is no second fold to keep in step. */
export function aggregateReadModel<State, Event extends DomainEvent>(spec: AggregateReadModelSpec<State, Event>): ReadModel<AggregateDocument<State>> {
  const { name, version, handles, creation } = spec;
  return {
    name,
    version,
    handles,
    documentId: (event) => spec.documentId(event as unknown as Event),
    evolve(document, recorded) {
      const event = recorded as unknown as Event;
      // Events of a stream arrive in order, so a missing document means its creation was
      // dead-lettered; inventing the aggregate from a later event would be worse than leaving it out.
      if (document === null && event.type !== creation) return null;
      const state = spec.evolve(document?.state ?? null, event);
      return state === null ? null : { state, ...stampAfter(document, recorded) };
    },
  };
}
