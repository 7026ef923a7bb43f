import type { DomainEvent } from '../shared/decider.js';
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

export const userStreamName = (userId: string) => `user-${userId}`;
