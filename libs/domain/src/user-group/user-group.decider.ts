import { assertNever, type Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, ruleViolated } from '../shared/domain-error.js';
import { requireEnvironmentId, requireLocalId, requireText } from '../shared/validation.js';
import { environmentOfUserId } from '../user/user-id.js';
import type { AddMember, CreateUserGroup, RemoveMember, UserGroupCommand } from './user-group.commands.js';
import type { UserGroupEvent } from './user-group.events.js';
import { evolveUserGroup, initialUserGroupState, type UserGroup, type UserGroupState } from './user-group.state.js';

export function decideUserGroup(command: UserGroupCommand, state: UserGroupState): UserGroupEvent[] {
  if (command.type === 'CreateUserGroup') return create(command.data, state);
  if (state === null) throw notFound('user_group_not_found', 'user group does not exist');
  switch (command.type) {
    case 'AddMember':
      return addMember(command.data, state);
    case 'RemoveMember':
      return removeMember(command.data, state);
    default:
      return assertNever(command);
  }
}

function create(data: CreateUserGroup['data'], state: UserGroupState): UserGroupEvent[] {
  const environmentId = requireEnvironmentId(data.environmentId);
  const groupId = requireLocalId(data.groupId, 'groupId');
  const name = requireText(data.name, 'name', 255);
  if (!data.environmentExists) throw notFound('environment_not_found', `environment ${environmentId} does not exist`);
  if (state === null) return [{ type: 'UserGroupCreated', data: { environmentId, groupId, name } }];
  if (state.name === name) return [];
  throw conflict('user_group_exists', `user group ${groupId} already exists with another name`, 'groupId');
}

function addMember(data: AddMember['data'], group: UserGroup): UserGroupEvent[] {
  const environmentId = environmentOfUserId(data.userId);
  if (environmentId === null) throw invalid('userId_invalid', 'userId must be "{environmentId}.{local}"', 'userId');
  if (environmentId !== group.environmentId) {
    throw ruleViolated(
      'user_of_other_environment',
      `user ${data.userId} does not belong to environment ${group.environmentId}`,
      'userId',
    );
  }
  if (!data.userExists) throw notFound('user_not_found', `user ${data.userId} does not exist`);
  if (group.members.includes(data.userId)) return [];
  return [{ type: 'UserGroupMemberAdded', data: memberData(group, data.userId) }];
}

function removeMember(data: RemoveMember['data'], group: UserGroup): UserGroupEvent[] {
  if (!group.members.includes(data.userId)) return [];
  return [{ type: 'UserGroupMemberRemoved', data: memberData(group, data.userId) }];
}

const memberData = (group: UserGroup, userId: string) => ({
  environmentId: group.environmentId,
  groupId: group.groupId,
  userId,
});

export const userGroupDecider: Decider<UserGroupState, UserGroupCommand, UserGroupEvent> = {
  initialState: initialUserGroupState,
  decide: decideUserGroup,
  evolve: evolveUserGroup,
};
