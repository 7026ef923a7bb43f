import { evolveUserGroup, USER_GROUP_EVENT_TYPES, type UserGroup, type UserGroupEvent } from '#domain';
import { aggregateReadModel, type AggregateDocument } from './aggregate-read-model.js';
import { scopedId } from './change-stamp.js';

/** Members sorted, as the domain keeps them. */
export type UserGroupDocument = AggregateDocument<UserGroup>;

export const userGroupsReadModel = aggregateReadModel<UserGroup, UserGroupEvent>({
  name: 'user_groups',
  version: 2,
  handles: USER_GROUP_EVENT_TYPES,
  creation: 'UserGroupCreated',
  documentId: ({ data }) => scopedId(data.environmentId, data.groupId),
  evolve: evolveUserGroup,
});
