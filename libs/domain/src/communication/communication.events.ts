import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';

type InEnvironment = { readonly environmentId: string };

export type WorkflowCreated = DomainEvent<'WorkflowCreated', InEnvironment & { readonly workflowId: string; readonly name: string }>;
export type MessageTypeUnblocked = DomainEvent<'MessageTypeUnblocked', InEnvironment & { readonly code: string; readonly workflowId: string }>;
export type MessageTypeWorkflowLinked = DomainEvent<'MessageTypeWorkflowLinked', InEnvironment & { readonly code: string; readonly workflowId: string }>;
export type MessageTypeBlocked = DomainEvent<'MessageTypeBlocked', InEnvironment & { readonly code: string }>;

export type CommunicationEvent = WorkflowCreated | MessageTypeUnblocked | MessageTypeWorkflowLinked | MessageTypeBlocked;

export const COMMUNICATION_EVENT_TYPES = eventTypes<CommunicationEvent['type']>({
  WorkflowCreated: true,
  MessageTypeUnblocked: true,
  MessageTypeWorkflowLinked: true,
  MessageTypeBlocked: true,
});

/** One communication connector per environment: its message types and the workflows that handle them. */
export const communicationStreamName = (environmentId: string) => `communication-${environmentId}`;
