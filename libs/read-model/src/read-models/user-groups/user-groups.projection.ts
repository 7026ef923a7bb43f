import type { UserGroupEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import { evolveDocument } from '../../projection/positioned-document.js';
import type { Projection } from '../../projection/projection.js';
import { scopedId } from '../scoped-id.js';
import { USER_GROUPS, type UserGroupDocument } from './user-group.document.js';

const TYPES: ReadonlySet<string> = new Set<UserGroupEvent['type']>(['UserGroupCreated', 'UserGroupMemberAdded', 'UserGroupMemberRemoved']);

/** User groups per environment with their members. */
export function userGroupsProjection(): Projection {
  return {
    name: 'user_groups',
    version: 1,
    collections: [{ name: USER_GROUPS, indexes: [['environmentId', 'createdAt']] }],
    handles: (type) => TYPES.has(type),
    async apply(recorded: RecordedEvent, tx) {
      const event = recorded as unknown as UserGroupEvent;
      const { environmentId, groupId } = event.data;
      const { time, actor } = recorded.metadata;
      const stamp = { updatedAt: time, updatedBy: actor, version: recorded.revision + 1 };
      await evolveDocument<UserGroupDocument>(tx, USER_GROUPS, scopedId(environmentId, groupId), recorded, (current) => {
        if (event.type === 'UserGroupCreated') {
          const base = { _id: scopedId(environmentId, groupId), id: groupId, environmentId, name: event.data.name, members: [] };
          return { ...base, createdAt: time, createdBy: actor, ...stamp };
        }
        if (current === null) return 'unchanged';
        const others = current.members.filter((userId) => userId !== event.data.userId);
        const members = event.type === 'UserGroupMemberAdded' ? [...others, event.data.userId].sort() : others;
        return { ...current, members, ...stamp };
      });
    },
  };
}
