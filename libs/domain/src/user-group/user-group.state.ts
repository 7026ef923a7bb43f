import { assertNever } from '../shared/decider.js';
import type { UserGroupEvent } from './user-group.events.js';

export type UserGroup = {
  readonly environmentId: string;
  readonly groupId: string;
  readonly name: string;
  /** User ids, sorted. */
  readonly members: readonly string[];
  /** Deleted: no connector can be given it, no command changes it. */
  readonly deleted: boolean;
};

/** `null` until the group is created. */
export type UserGroupState = UserGroup | null;

export const initialUserGroupState = (): UserGroupState => null;

export function evolveUserGroup(state: UserGroupState, event: UserGroupEvent): UserGroupState {
  if (event.type === 'UserGroupCreated') return { ...event.data, members: [], deleted: false };
  if (state === null) return state;
  switch (event.type) {
    case 'UserGroupMemberAdded':
      return { ...state, members: [...state.members, event.data.userId].sort() };
    case 'UserGroupMemberRemoved':
      return { ...state, members: state.members.filter((userId) => userId !== event.data.userId) };
    case 'UserGroupRenamed':
      return { ...state, name: event.data.name };
    case 'UserGroupDeleted':
      return { ...state, deleted: true };
    default:
      return assertNever(event);
  }
}
