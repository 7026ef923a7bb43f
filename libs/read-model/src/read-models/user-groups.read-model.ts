import { evolveUserGroup, USER_GROUP_EVENT_TYPES, type UserGroup, type UserGroupEvent } from '#domain';
import { aggregateReadModel, type AggregateDocument } from './aggregate-read-model.js';
import { scopedId } from './change-stamp.js';

/** Members sorted, as the domain keeps them. A deleted group leaves the read model (its stream keeps its history). */
export type UserGroupDocument = AggregateDocument<UserGroup>;

export const userGroupsReadModel = aggregateReadModel<UserGroup, UserGroupEvent>({
  name: 'user_groups',
  version: 3,
  handles: USER_GROUP_EVENT_TYPES,
  creation: 'UserGroupCreated',
  documentId: ({ data }) => scopedId(data.environmentId, data.groupId),
  evolve: (state, event) => {
    const group = evolveUserGroup(state, event);
    return group?.deleted ? null : group;
  },
});
