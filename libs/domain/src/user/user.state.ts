import { assertNever } from '../shared/decider.js';
import type { UserRegistered, UserEvent } from './user.events.js';

export type User = UserRegistered['data'];

/** `null` until the user is registered. */
export type UserState = User | null;

export const initialUserState = (): UserState => null;

export function evolveUser(_state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return { ...event.data };
    default:
      return assertNever(event.type);
  }
}
