import { assertNever, type Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, ruleViolated } from '../shared/domain-error.js';
import { requireEnvironmentId, requireLocalId, requireText } from '../shared/validation.js';
import { environmentOfUserId } from '../user/user-id.js';
import type { AddMember, CreateUserGroup, DeleteUserGroup, RemoveMember, UserGroupCommand } from './user-group.commands.js';
import type { UserGroupEvent } from './user-group.events.js';
import { evolveUserGroup, initialUserGroupState, type UserGroup, type UserGroupState } from './user-group.state.js';

export function decideUserGroup(command: UserGroupCommand, state: UserGroupState): UserGroupEvent[] {
  if (command.type === 'CreateUserGroup') return create(command.data, state);
  if (state === null) throw notFound('user_group_not_found', 'user group does not exist');
  // 409 as for a deleted app connector: the group is still there for its history, its id taken.
  if (state.deleted) throw conflict('user_group_deleted', `user group ${state.groupId} is deleted`);
  switch (command.type) {
    case 'AddMember':
      return addMember(command.data, state);
    case 'RemoveMember':
      return removeMember(command.data, state);
    case 'RenameUserGroup': {
      const name = requireText(command.data.name, 'name', 255);
      return name === state.name ? [] : [{ type: 'UserGroupRenamed', data: { environmentId: state.environmentId, groupId: state.groupId, name } }];
    }
    case 'DeleteUserGroup':
      return deleteGroup(command.data, state);
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
  if (state.deleted) throw conflict('user_group_deleted', `user group ${groupId} is deleted`, 'groupId');
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

function deleteGroup(data: DeleteUserGroup['data'], group: UserGroup): UserGroupEvent[] {
  if (data.usedByAppConnectors.length > 0) {
    const ids = [...data.usedByAppConnectors].sort().join(', ');
    throw ruleViolated('user_group_in_use', `user group ${group.groupId} is the user group of app connectors ${ids}; give them another group or delete them first`);
  }
  // Its members leave it first, so that every reader of memberships sees them go without knowing of deletions.
  const removed = group.members.map((userId): UserGroupEvent => ({ type: 'UserGroupMemberRemoved', data: memberData(group, userId) }));
  return [...removed, { type: 'UserGroupDeleted', data: { environmentId: group.environmentId, groupId: group.groupId } }];
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
