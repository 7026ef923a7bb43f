import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';

export type EnvironmentRegistered = DomainEvent<
  'EnvironmentRegistered',
  { readonly environmentId: string; readonly name: string; readonly environmentKeyHash: string }
>;

export type EnvironmentKeyRotated = DomainEvent<'EnvironmentKeyRotated', { readonly environmentId: string; readonly environmentKeyHash: string }>;

export type EnvironmentEvent = EnvironmentRegistered | EnvironmentKeyRotated;

export const ENVIRONMENT_EVENT_TYPES = eventTypes<EnvironmentEvent['type']>({ EnvironmentRegistered: true, EnvironmentKeyRotated: true });

export const environmentStreamName = (environmentId: string) => `environment-${environmentId}`;
