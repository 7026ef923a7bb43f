import { hash } from 'node:crypto';
import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';

type MessageRef = { readonly environmentId: string; readonly messageId: string; readonly workflowId: string };

export type MessageReceived = DomainEvent<
  'MessageReceived',
  MessageRef & {
    readonly appConnectorId: string;
    readonly userId: string;
    readonly messageType: string;
    readonly reference: string;
    readonly payload: unknown;
  }
>;
export type MessageHandled = DomainEvent<'MessageHandled', MessageRef>;

export type MessageEvent = MessageReceived | MessageHandled;

export const MESSAGE_EVENT_TYPES = eventTypes<MessageEvent['type']>({ MessageReceived: true, MessageHandled: true });

/**
 * A message's id follows from its sender's connector and reference, so a message sent again lands
 * on the stream of the first and is stored once. UUID-shaped, from SHA-256 of the three parts.
 */
export function messageIdFor(environmentId: string, appConnectorId: string, reference: string): string {
  const hex = hash('sha256', JSON.stringify([environmentId, appConnectorId, reference]), 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const messageStreamName = (environmentId: string, messageId: string) => `message-${environmentId}-${messageId}`;
