import { evolveUserGroup, USER_GROUP_EVENT_TYPES, type UserGroup, type UserGroupEvent } from '#domain';
import type { ReadModel } from '../read-model.js';
import { scopedId, stampAfter, type ChangeStamp } from './change-stamp.js';

/** One user group: the domain's own state of it (members sorted), folded by `evolveUserGroup`. */
export interface UserGroupDocument extends ChangeStamp {
  readonly group: UserGroup;
}

const groupEvent = (event: unknown) => event as UserGroupEvent;

export const userGroupsReadModel: ReadModel<UserGroupDocument> = {
  name: 'user_groups',
  version: 2,
  handles: USER_GROUP_EVENT_TYPES,
  documentId: (event) => scopedId(groupEvent(event).data.environmentId, groupEvent(event).data.groupId),
  evolve(document, recorded) {
    const event = groupEvent(recorded);
    if (document === null && event.type !== 'UserGroupCreated') return null;
    const group = evolveUserGroup(document?.group ?? null, event);
    return group === null ? null : { group, ...stampAfter(document, recorded) };
  },
};
