import { evolveUser, eventTypes, USER_EVENT_TYPES, type UserEvent, type UserGroupEvent, type UserGroupMemberAdded, type UserGroupMemberRemoved, type UserKind } from '#domain';
import type { ReadModel } from '../read-model.js';

/** One user (`userId` = `{environmentId}.{local}`, unique over environments) with the groups it is in now. */
export interface UserDocument {
  readonly userId: string;
  readonly environmentId: string;
  readonly name: string;
  readonly email: string | null;
  readonly kind: UserKind;
  /** False while deactivated. */
  readonly active: boolean;
  /** Sorted. */
  readonly groupIds: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
}

type UsersEvent = UserEvent | UserGroupMemberAdded | UserGroupMemberRemoved;
const MEMBERSHIP_TYPES = eventTypes<UserGroupEvent['type']>({
  UserGroupMemberAdded: true, UserGroupMemberRemoved: true, UserGroupCreated: false, UserGroupRenamed: false, UserGroupDeleted: false,
});

const usersEvent = (event: unknown) => event as UsersEvent;
const isUserEvent = (event: UsersEvent): event is UserEvent => USER_EVENT_TYPES.has(event.type);

/** Membership events come from the group streams and change the member's document. */
export const usersReadModel: ReadModel<UserDocument> = {
  name: 'users',
  version: 3,
  handles: new Set([...USER_EVENT_TYPES, ...MEMBERSHIP_TYPES]),
  documentId: (event) => usersEvent(event).data.userId,
  evolve(document, recorded) {
    const event = usersEvent(recorded);
    if (isUserEvent(event)) {
      // The user's own fields from the domain's fold; the document adds its groups and creation stamp.
      const user = evolveUser(document, event);
      if (user === null) return null;
      const { userId, environmentId, name, email, kind, active } = user;
      if (document === null) return { userId, environmentId, name, email, kind, active, groupIds: [], createdAt: recorded.metadata.time, createdBy: recorded.metadata.actor };
      return { ...document, name, email, kind, active };
    }
    // The group decider adds registered users only; without the user there is nothing to change.
    if (document === null) return null;
    const others = document.groupIds.filter((groupId) => groupId !== event.data.groupId);
    return { ...document, groupIds: event.type === 'UserGroupMemberAdded' ? [...others, event.data.groupId].sort() : others };
  },
};
