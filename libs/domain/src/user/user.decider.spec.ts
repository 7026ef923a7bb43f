import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { RegisterUser } from './user.commands.js';
import { userDecider } from './user.decider.js';
import { userStreamName, type UserEvent, type UserRegistered } from './user.events.js';
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

  describe('ChangeUserDetails', () => {
    const ref = { environmentId: '12345', userId: '12345.jdoe' };
    const change = (data: { email?: string | null; name?: string }) => ({ type: 'ChangeUserDetails', data }) as const;

    it('changes the e-mail address, keeping the name', () => {
      given([registered()])
        .when(change({ email: ' john@example.com ' }))
        .then([{ type: 'UserDetailsChanged', data: { ...ref, email: 'john@example.com', name: 'J. Doe' } }]);
    });

    it('changes the name, keeping the e-mail address', () => {
      given([registered()]).when(change({ name: ' John Doe ' })).then([{ type: 'UserDetailsChanged', data: { ...ref, email: 'jdoe@example.com', name: 'John Doe' } }]);
    });

    it('changes nothing when both stay as they are', () => {
      given([registered()]).when(change({ name: 'J. Doe ', email: 'jdoe@example.com' })).then([]);
      given([registered()]).when(change({})).then([]);
    });

    it('refuses to take the e-mail address of a person away, and removes that of a system user', () => {
      given([registered()]).when(change({ email: null })).thenThrows('invalid', 'email_required', 'email');
      given([registered({ kind: 'system' })])
        .when(change({ email: null }))
        .then([{ type: 'UserDetailsChanged', data: { ...ref, email: null, name: 'J. Doe' } }]);
    });

    it('refuses an invalid e-mail address or name', () => {
      given([registered()]).when(change({ email: 'nope' })).thenThrows('invalid', 'email_invalid', 'email');
      given([registered()]).when(change({ name: ' ' })).thenThrows('invalid', 'name_required', 'name');
    });

    it('keeps the new details in the state, and a later registration with the old ones is a conflict', () => {
      const changed: UserEvent = { type: 'UserDetailsChanged', data: { ...ref, email: 'john@example.com', name: 'J. Doe' } };
      given([registered(), changed]).when(change({ email: 'john@example.com' })).then([]);
      given([registered(), changed]).when(register()).thenThrows('conflict', 'user_exists');
    });
  });

  describe('deactivating', () => {
    const ref = { environmentId: '12345', userId: '12345.jdoe' };
    const deactivate = { type: 'DeactivateUser', data: {} } as const;
    const reactivate = { type: 'ReactivateUser', data: {} } as const;
    const deactivated: UserEvent = { type: 'UserDeactivated', data: ref };

    it('deactivates an active user and reactivates a deactivated one', () => {
      given([registered()]).when(deactivate).then([deactivated]);
      given([registered(), deactivated]).when(reactivate).then([{ type: 'UserReactivated', data: ref }]);
    });

    it('changes nothing when already in the asked state', () => {
      given([registered()]).when(reactivate).then([]);
      given([registered(), deactivated]).when(deactivate).then([]);
    });

    it('still changes the details of a deactivated user', () => {
      given([registered(), deactivated])
        .when({ type: 'ChangeUserDetails', data: { name: 'Gone' } })
        .then([{ type: 'UserDetailsChanged', data: { ...ref, email: 'jdoe@example.com', name: 'Gone' } }]);
    });

    it.each([deactivate, reactivate, { type: 'ChangeUserDetails', data: { name: 'x' } } as const])('refuses %j of a user that does not exist', (command) => {
      given([]).when(command).thenThrows('not_found', 'user_not_found');
    });
  });

  it('names its stream after the user and finds the environment in a user id', () => {
    expect(userStreamName('12345.jdoe')).toBe('user-12345.jdoe');
    expect(environmentOfUserId('12345.j.doe')).toBe('12345');
    expect(environmentOfUserId('jdoe')).toBeNull();
  });
});
