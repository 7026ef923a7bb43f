import type { DomainEvent } from '../shared/decider.js';

export type EnvironmentRegistered = DomainEvent<
  'EnvironmentRegistered',
  { readonly environmentId: string; readonly name: string; readonly environmentKeyHash: string }
>;

export type EnvironmentEvent = EnvironmentRegistered;

export const environmentStreamName = (environmentId: string) => `environment-${environmentId}`;
