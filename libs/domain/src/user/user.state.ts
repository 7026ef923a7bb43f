import { assertNever } from '../shared/decider.js';
import type { UserRegistered, UserEvent } from './user.events.js';

export type User = UserRegistered['data'] & {
  /** False once deactivated: the guard refuses the user's tokens. */
  readonly active: boolean;
};

/** `null` until the user is registered. */
export type UserState = User | null;

export const initialUserState = (): UserState => null;

export function evolveUser(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') return { ...event.data, active: true };
  if (state === null) return state;
  switch (event.type) {
    case 'UserDetailsChanged':
      return { ...state, email: event.data.email, name: event.data.name };
    case 'UserDeactivated':
      return { ...state, active: false };
    case 'UserReactivated':
      return { ...state, active: true };
    default:
      return assertNever(event);
  }
}
