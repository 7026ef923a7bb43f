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

export type UserEvent = UserRegistered;

export const USER_EVENT_TYPES = eventTypes<UserEvent['type']>({ UserRegistered: true });

export const userStreamName = (userId: string) => `user-${userId}`;
