import { fold } from '../shared/decider.js';
import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { AddMember, CreateUserGroup, RemoveMember } from './user-group.commands.js';
import { userGroupDecider } from './user-group.decider.js';
import { userGroupStreamName, type UserGroupEvent } from './user-group.events.js';

const given = deciderSpec(userGroupDecider);
const group = { environmentId: '12345', groupId: 'app-users' };

const create = (data: Partial<CreateUserGroup['data']> = {}): CreateUserGroup => ({
  type: 'CreateUserGroup',
  data: { ...group, name: 'App users', environmentExists: true, ...data },
});
const addMember = (userId: string, userExists = true): AddMember => ({ type: 'AddMember', data: { userId, userExists } });
const removeMember = (userId: string): RemoveMember => ({ type: 'RemoveMember', data: { userId } });

const created: UserGroupEvent = { type: 'UserGroupCreated', data: { ...group, name: 'App users' } };
const added = (userId: string): UserGroupEvent => ({ type: 'UserGroupMemberAdded', data: { ...group, userId } });
const removed = (userId: string): UserGroupEvent => ({ type: 'UserGroupMemberRemoved', data: { ...group, userId } });

describe('user group decider', () => {
  describe('CreateUserGroup', () => {
    it('creates a group with a trimmed name', () => {
      given([]).when(create({ name: '  App users ' })).then([created]);
    });

    it('refuses a group in an unknown environment', () => {
      given([]).when(create({ environmentExists: false })).thenThrows('not_found', 'environment_not_found');
    });

    it('refuses bad ids and names', () => {
      given([]).when(create({ environmentId: '12-345' })).thenThrows('invalid', 'environmentId_invalid', 'environmentId');
      given([]).when(create({ groupId: 'app users' })).thenThrows('invalid', 'groupId_invalid', 'groupId');
      given([]).when(create({ name: '' })).thenThrows('invalid', 'name_required', 'name');
      given([]).when(create({ name: 'x'.repeat(256) })).thenThrows('invalid', 'name_too_long', 'name');
    });

    it('changes nothing when the same group is created again', () => {
      given([created]).when(create()).then([]);
    });

    it('refuses to create an existing group with another name', () => {
      given([created]).when(create({ name: 'Others' })).thenThrows('conflict', 'user_group_exists');
    });
  });

  describe('AddMember', () => {
    it('adds a user of the same environment', () => {
      given([created]).when(addMember('12345.jdoe')).then([added('12345.jdoe')]);
    });

    it('changes nothing when the user is already a member', () => {
      given([created, added('12345.jdoe')]).when(addMember('12345.jdoe')).then([]);
    });

    it('refuses an unknown user', () => {
      given([created]).when(addMember('12345.ghost', false)).thenThrows('not_found', 'user_not_found');
    });

    it('refuses a user of another environment', () => {
      given([created]).when(addMember('54321.jdoe')).thenThrows('rule_violated', 'user_of_other_environment', 'userId');
    });

    it('refuses a user id without an environment', () => {
      given([created]).when(addMember('jdoe')).thenThrows('invalid', 'userId_invalid', 'userId');
    });

    it('adds a user again after removal', () => {
      given([created, added('12345.jdoe'), removed('12345.jdoe')]).when(addMember('12345.jdoe')).then([added('12345.jdoe')]);
    });
  });

  describe('RemoveMember', () => {
    it('removes a member', () => {
      given([created, added('12345.jdoe')]).when(removeMember('12345.jdoe')).then([removed('12345.jdoe')]);
    });

    it('changes nothing when the user is not a member', () => {
      given([created]).when(removeMember('12345.jdoe')).then([]);
      given([created, added('12345.jdoe'), removed('12345.jdoe')]).when(removeMember('12345.jdoe')).then([]);
    });
  });

  it.each([addMember('12345.jdoe'), removeMember('12345.jdoe')])('refuses %j on a group that does not exist', (command) => {
    given([]).when(command).thenThrows('not_found', 'user_group_not_found');
  });

  it('keeps the members sorted', () => {
    const state = fold(userGroupDecider, [
      created,
      added('12345.zed'),
      added('12345.amy'),
      added('12345.kim'),
      removed('12345.kim'),
    ]);
    expect(state?.members).toEqual(['12345.amy', '12345.zed']);
  });

  describe('RenameUserGroup', () => {
    const rename = (name: string) => ({ type: 'RenameUserGroup', data: { name } }) as const;

    it('renames the group with a trimmed name', () => {
      given([created]).when(rename(' Webshop users ')).then([{ type: 'UserGroupRenamed', data: { ...group, name: 'Webshop users' } }]);
    });

    it('changes nothing when the name stays the same', () => {
      given([created]).when(rename('App users ')).then([]);
    });

    it('refuses a bad name and an unknown group', () => {
      given([created]).when(rename(' ')).thenThrows('invalid', 'name_required', 'name');
      given([created]).when(rename('x'.repeat(256))).thenThrows('invalid', 'name_too_long', 'name');
      given([]).when(rename('X')).thenThrows('not_found', 'user_group_not_found');
    });
  });

  describe('DeleteUserGroup', () => {
    const remove = (usedByAppConnectors: string[] = []) => ({ type: 'DeleteUserGroup', data: { usedByAppConnectors } }) as const;
    const deleted: UserGroupEvent = { type: 'UserGroupDeleted', data: group };

    it('deletes a group no connector uses, its members leaving it first', () => {
      given([created]).when(remove()).then([deleted]);
      given([created, added('12345.jdoe'), added('12345.amy')]).when(remove()).then([removed('12345.amy'), removed('12345.jdoe'), deleted]);
    });

    it('refuses while app connectors use it, naming them', () => {
      given([created]).when(remove(['c-2', 'c-1'])).thenThrows('rule_violated', 'user_group_in_use');
      expect(() => userGroupDecider.decide(remove(['c-2', 'c-1']), fold(userGroupDecider, [created]))).toThrow(/app connectors c-1, c-2/);
    });

    it.each([
      ['AddMember', addMember('12345.jdoe')],
      ['RemoveMember', removeMember('12345.jdoe')],
      ['RenameUserGroup', { type: 'RenameUserGroup', data: { name: 'X' } } as const],
      ['DeleteUserGroup', remove()],
      ['CreateUserGroup', create()],
    ])('refuses %s on a deleted group with 409', (_, command) => {
      given([created, deleted]).when(command).thenThrows('conflict', 'user_group_deleted');
    });

    it('keeps the deleted group, without members, in the state', () => {
      expect(fold(userGroupDecider, [created, added('12345.jdoe'), removed('12345.jdoe'), deleted])).toMatchObject({ members: [], deleted: true });
    });
  });

  it('names its stream after environment and group', () => {
    expect(userGroupStreamName('12345', 'app-users')).toBe('user-group-12345-app-users');
  });
});
