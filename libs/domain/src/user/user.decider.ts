import { assertNever, type Decider } from '../shared/decider.js';
import { conflict, invalid, notFound } from '../shared/domain-error.js';
import { requireEnvironmentId, requireFreeText, requireText } from '../shared/validation.js';
import type { ChangeUserDetails, RegisterUser, UserCommand } from './user.commands.js';
import type { UserEvent, UserRegistered } from './user.events.js';
import { isUserIdOfEnvironment } from './user-id.js';
import { evolveUser, initialUserState, type User, type UserState } from './user.state.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const USER_KINDS: readonly string[] = ['person', 'system'];

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser':
      return register(command.data, state);
    case 'ChangeUserDetails':
      return changeDetails(command.data, existing(state));
    case 'DeactivateUser': {
      const user = existing(state);
      return user.active ? [{ type: 'UserDeactivated', data: userRef(user) }] : [];
    }
    case 'ReactivateUser': {
      const user = existing(state);
      return user.active ? [] : [{ type: 'UserReactivated', data: userRef(user) }];
    }
    default:
      return assertNever(command);
  }
}

function existing(state: UserState): User {
  if (state === null) throw notFound('user_not_found', 'user does not exist');
  return state;
}

const userRef = (user: User) => ({ environmentId: user.environmentId, userId: user.userId });

function changeDetails(data: ChangeUserDetails['data'], user: User): UserEvent[] {
  const name = data.name === undefined ? user.name : requireText(data.name, 'name', 200);
  const email = data.email === undefined ? user.email : validEmail(data.email, user.kind === 'person');
  if (name === user.name && email === user.email) return [];
  return [{ type: 'UserDetailsChanged', data: { ...userRef(user), email, name } }];
}

function register(data: RegisterUser['data'], state: UserState): UserEvent[] {
  const registered = validate(data);
  if (!data.environmentExists) {
    throw notFound('environment_not_found', `environment ${registered.environmentId} does not exist`);
  }
  if (state === null) return [{ type: 'UserRegistered', data: registered }];
  if (sameUser(state, registered)) return [];
  throw conflict('user_exists', `user ${registered.userId} is already registered with other data`, 'userId');
}

function validate(data: RegisterUser['data']): UserRegistered['data'] {
  const environmentId = requireEnvironmentId(data.environmentId);
  if (!isUserIdOfEnvironment(data.userId, environmentId)) {
    throw invalid(
      'userId_invalid',
      `userId must be "${environmentId}." followed by 1 to 64 letters, digits, dots, underscores or hyphens`,
      'userId',
    );
  }
  if (!USER_KINDS.includes(data.kind)) throw invalid('kind_invalid', 'kind must be "person" or "system"', 'kind');
  return {
    environmentId,
    userId: data.userId,
    email: validEmail(data.email, data.kind === 'person'),
    name: requireText(data.name, 'name', 200),
    kind: data.kind,
  };
}

function validEmail(value: string | null, required: boolean): string | null {
  const email = value === null ? '' : requireFreeText(value, 'email').trim();
  if (email === '') {
    if (required) throw invalid('email_required', 'a person needs an e-mail address', 'email');
    return null;
  }
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    throw invalid('email_invalid', 'email is not a valid e-mail address', 'email');
  }
  return email;
}

const sameUser = (a: UserRegistered['data'], b: UserRegistered['data']) =>
  a.environmentId === b.environmentId && a.userId === b.userId && a.email === b.email && a.name === b.name && a.kind === b.kind;

export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  initialState: initialUserState,
  decide: decideUser,
  evolve: evolveUser,
};
