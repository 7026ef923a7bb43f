import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';
import type { UserKind } from './user.commands.js';

export type UserRegistered = DomainEvent<
  'UserRegistered',
  {
    readonly environmentId: string;
    readonly userId: string;
    readonly email: string | null;
    readonly name: string;
    readonly kind: UserKind;
  }
>;

type UserRef = { readonly environmentId: string; readonly userId: string };

/** Both fields as they are after the change. */
export type UserDetailsChanged = DomainEvent<'UserDetailsChanged', UserRef & { readonly email: string | null; readonly name: string }>;
export type UserDeactivated = DomainEvent<'UserDeactivated', UserRef>;
export type UserReactivated = DomainEvent<'UserReactivated', UserRef>;

export type UserEvent = UserRegistered | UserDetailsChanged | UserDeactivated | UserReactivated;

export const USER_EVENT_TYPES = eventTypes<UserEvent['type']>({ UserRegistered: true, UserDetailsChanged: true, UserDeactivated: true, UserReactivated: true });

export const userStreamName = (userId: string) => `user-${userId}`;
