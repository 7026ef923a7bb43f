import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';

export type EnvironmentRegistered = DomainEvent<
  'EnvironmentRegistered',
  { readonly environmentId: string; readonly name: string; readonly environmentKeyHash: string }
>;

export type EnvironmentEvent = EnvironmentRegistered;

export const ENVIRONMENT_EVENT_TYPES = eventTypes<EnvironmentEvent['type']>({ EnvironmentRegistered: true });

export const environmentStreamName = (environmentId: string) => `environment-${environmentId}`;
