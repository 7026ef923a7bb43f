import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';

type GroupRef = { readonly environmentId: string; readonly groupId: string };

export type UserGroupCreated = DomainEvent<'UserGroupCreated', GroupRef & { readonly name: string }>;
export type UserGroupMemberAdded = DomainEvent<'UserGroupMemberAdded', GroupRef & { readonly userId: string }>;
export type UserGroupMemberRemoved = DomainEvent<'UserGroupMemberRemoved', GroupRef & { readonly userId: string }>;

export type UserGroupEvent = UserGroupCreated | UserGroupMemberAdded | UserGroupMemberRemoved;

export const USER_GROUP_EVENT_TYPES = eventTypes<UserGroupEvent['type']>({ UserGroupCreated: true, UserGroupMemberAdded: true, UserGroupMemberRemoved: true });

export const userGroupStreamName = (environmentId: string, groupId: string) => `user-group-${environmentId}-${groupId}`;
