import { assertNever } from '../shared/decider.js';
import type { EnvironmentEvent } from './environment.events.js';

export type Environment = {
  readonly environmentId: string;
  readonly name: string;
  readonly environmentKeyHash: string;
};

/** `null` until the environment is registered. */
export type EnvironmentState = Environment | null;

export const initialEnvironmentState = (): EnvironmentState => null;

export function evolveEnvironment(state: EnvironmentState, event: EnvironmentEvent): EnvironmentState {
  switch (event.type) {
    case 'EnvironmentRegistered':
      return { ...event.data };
    case 'EnvironmentKeyRotated':
      return state === null ? state : { ...state, environmentKeyHash: event.data.environmentKeyHash };
    default:
      return assertNever(event);
  }
}
