import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { RegisterUser } from './user.commands.js';
import { userDecider } from './user.decider.js';
import { userStreamName, type UserRegistered } from './user.events.js';
import { environmentOfUserId } from './user-id.js';

const given = deciderSpec(userDecider);

const register = (data: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: {
    environmentId: '12345',
    userId: '12345.jdoe',
    email: 'jdoe@example.com',
    name: 'J. Doe',
    kind: 'person',
    environmentExists: true,
    ...data,
  },
});
const registered = (data: Partial<UserRegistered['data']> = {}): UserRegistered => ({
  type: 'UserRegistered',
  data: { environmentId: '12345', userId: '12345.jdoe', email: 'jdoe@example.com', name: 'J. Doe', kind: 'person', ...data },
});

describe('user decider', () => {
  it('registers a person with trimmed name and e-mail', () => {
    given([])
      .when(register({ name: ' J. Doe ', email: ' jdoe@example.com ' }))
      .then([registered()]);
  });

  it('registers a system user without an e-mail address', () => {
    given([])
      .when(register({ userId: '12345.svc_app-1', email: null, kind: 'system' }))
      .then([registered({ userId: '12345.svc_app-1', email: null, kind: 'system' })]);
  });

  it('treats a blank e-mail of a system user as none', () => {
    given([])
      .when(register({ email: '  ', kind: 'system' }))
      .then([registered({ email: null, kind: 'system' })]);
  });

  it('still checks an e-mail address that a system user does give', () => {
    given([]).when(register({ email: 'nope', kind: 'system' })).thenThrows('invalid', 'email_invalid', 'email');
  });

  it('requires an e-mail address for a person', () => {
    given([]).when(register({ email: null })).thenThrows('invalid', 'email_required', 'email');
    given([]).when(register({ email: ' ' })).thenThrows('invalid', 'email_required', 'email');
  });

  it.each(['jdoe', 'jdoe@', '@example.com', 'j doe@example.com', 'jdoe@example', `${'a'.repeat(250)}@example.com`])(
    'refuses the e-mail address "%s"',
    (email) => {
      given([]).when(register({ email })).thenThrows('invalid', 'email_invalid', 'email');
    },
  );

  it.each(['jdoe@example.com\u0000', 'jdoe@exa\u202emple.com', '\u200bjdoe@example.com', 'jdoe@example.com\r\nBcc: x@example.com'])(
    'refuses the e-mail address %j with control or invisible characters',
    (email) => {
      given([]).when(register({ email })).thenThrows('invalid', 'email_invalid', 'email');
    },
  );

  it('refuses a name with a control character', () => {
    given([]).when(register({ name: 'J. Doe\u0000' })).thenThrows('invalid', 'name_invalid', 'name');
  });

  it.each(['jdoe', '12345', '12345.', '54321.jdoe', '12345.j doe', '12345.j/doe', `12345.${'a'.repeat(65)}`])(
    'refuses the user id "%s" in environment 12345',
    (userId) => {
      given([]).when(register({ userId })).thenThrows('invalid', 'userId_invalid', 'userId');
    },
  );

  it('accepts a local part of 64 characters with dots, underscores and hyphens', () => {
    const userId = `12345.${'a._-'.repeat(16)}`;
    given([]).when(register({ userId })).then([registered({ userId })]);
  });

  it('refuses an unknown kind', () => {
    given([])
      .when(register({ kind: 'robot' as 'person' }))
      .thenThrows('invalid', 'kind_invalid', 'kind');
  });

  it('refuses a user of an unknown environment', () => {
    given([]).when(register({ environmentExists: false })).thenThrows('not_found', 'environment_not_found');
  });

  it('changes nothing when the same user is registered again', () => {
    given([registered()]).when(register({ name: ' J. Doe ' })).then([]);
  });

  it('refuses to register an existing user with other data', () => {
    given([registered()]).when(register({ name: 'John Doe' })).thenThrows('conflict', 'user_exists');
    given([registered()]).when(register({ email: 'john@example.com' })).thenThrows('conflict', 'user_exists');
  });

  it('names its stream after the user and finds the environment in a user id', () => {
    expect(userStreamName('12345.jdoe')).toBe('user-12345.jdoe');
    expect(environmentOfUserId('12345.j.doe')).toBe('12345');
    expect(environmentOfUserId('jdoe')).toBeNull();
  });
});
