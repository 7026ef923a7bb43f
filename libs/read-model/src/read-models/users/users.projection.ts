import type { UserGroupMemberAdded, UserGroupMemberRemoved, UserRegistered } from '#domain';
import type { RecordedEvent } from '#event-store';
import { evolveDocument } from '../../projection/positioned-document.js';
import type { Projection } from '../../projection/projection.js';
import { USERS, type UserDocument } from './user.document.js';

type UsersEvent = UserRegistered | UserGroupMemberAdded | UserGroupMemberRemoved;

const TYPES: ReadonlySet<string> = new Set<UsersEvent['type']>(['UserRegistered', 'UserGroupMemberAdded', 'UserGroupMemberRemoved']);

/** Users per environment, each with the groups it is in (membership events come from the group streams). */
export function usersProjection(): Projection {
  return {
    name: 'users',
    version: 1,
    collections: [{ name: USERS, indexes: [['environmentId', 'createdAt']] }],
    handles: (type) => TYPES.has(type),
    async apply(recorded: RecordedEvent, tx) {
      const event = recorded as unknown as UsersEvent;
      await evolveDocument<UserDocument>(tx, USERS, event.data.userId, recorded, (current) => {
        if (event.type === 'UserRegistered') {
          const { userId, environmentId, name, email, kind } = event.data;
          const { time, actor } = recorded.metadata;
          return { _id: userId, userId, environmentId, name, email, kind, groupIds: [], createdAt: time, createdBy: actor };
        }
        // The group decider adds registered users only; without the user there is nothing to update.
        if (current === null) return 'unchanged';
        const others = current.groupIds.filter((groupId) => groupId !== event.data.groupId);
        return { ...current, groupIds: event.type === 'UserGroupMemberAdded' ? [...others, event.data.groupId].sort() : others };
      });
    },
  };
}
