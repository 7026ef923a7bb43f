import { Inject, Injectable } from '@nestjs/common';
import { AggregateStates, RUNTIME, type Runtime, type UseCaseDeps } from '#application';
import { EVENT_STORE, type EventStore } from '#event-store';

/** The ports every command handler needs, injected as one. */
@Injectable()
export class UseCaseDepsProvider implements UseCaseDeps {
  readonly states: AggregateStates;

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(RUNTIME) readonly runtime: Runtime,
  ) {
    this.states = new AggregateStates(store);
  }
}
