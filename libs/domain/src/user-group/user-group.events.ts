import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';

type GroupRef = { readonly environmentId: string; readonly groupId: string };

export type UserGroupCreated = DomainEvent<'UserGroupCreated', GroupRef & { readonly name: string }>;
export type UserGroupMemberAdded = DomainEvent<'UserGroupMemberAdded', GroupRef & { readonly userId: string }>;
export type UserGroupMemberRemoved = DomainEvent<'UserGroupMemberRemoved', GroupRef & { readonly userId: string }>;

export type UserGroupRenamed = DomainEvent<'UserGroupRenamed', GroupRef & { readonly name: string }>;
/** The stream stays for its history; the group id is not given out again. */
export type UserGroupDeleted = DomainEvent<'UserGroupDeleted', GroupRef>;

export type UserGroupEvent = UserGroupCreated | UserGroupMemberAdded | UserGroupMemberRemoved | UserGroupRenamed | UserGroupDeleted;

export const USER_GROUP_EVENT_TYPES = eventTypes<UserGroupEvent['type']>({
  UserGroupCreated: true, UserGroupMemberAdded: true, UserGroupMemberRemoved: true, UserGroupRenamed: true, UserGroupDeleted: true,
});

export const userGroupStreamName = (environmentId: string, groupId: string) => `user-group-${environmentId}-${groupId}`;
