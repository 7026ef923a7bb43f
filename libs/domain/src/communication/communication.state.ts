import { assertNever } from '../shared/decider.js';
import type { CommunicationEvent } from './communication.events.js';
import { MESSAGE_TYPES, type MessageTypeDefinition } from './message-types.js';

export interface MessageType extends MessageTypeDefinition {
  readonly blocked: boolean;
  /** The workflow that handles messages of this type; always set once unblocked. */
  readonly workflowId: string | null;
}

export interface Workflow {
  readonly workflowId: string;
  readonly name: string;
}

/** An environment's communication connector. It exists with the environment: no creating event. */
export interface CommunicationState {
  /** In `MESSAGE_TYPES` order. */
  readonly messageTypes: readonly MessageType[];
  /** Oldest first. */
  readonly workflows: readonly Workflow[];
}

export const initialCommunicationState = (): CommunicationState => ({
  messageTypes: MESSAGE_TYPES.map((type) => ({ ...type, blocked: true, workflowId: null })),
  workflows: [],
});

export function evolveCommunication(state: CommunicationState, event: CommunicationEvent): CommunicationState {
  switch (event.type) {
    case 'WorkflowCreated':
      return { ...state, workflows: [...state.workflows, { workflowId: event.data.workflowId, name: event.data.name }] };
    case 'MessageTypeUnblocked':
      return withType(state, event.data.code, { blocked: false, workflowId: event.data.workflowId });
    case 'MessageTypeWorkflowLinked':
      return withType(state, event.data.code, { workflowId: event.data.workflowId });
    case 'MessageTypeBlocked':
      return withType(state, event.data.code, { blocked: true });
    default:
      return assertNever(event);
  }
}

function withType(state: CommunicationState, code: string, change: Partial<MessageType>): CommunicationState {
  return { ...state, messageTypes: state.messageTypes.map((type) => (type.code === code ? { ...type, ...change } : type)) };
}

export const messageTypeOf = (state: CommunicationState, code: string) => state.messageTypes.find((type) => type.code === code);
export const workflowOf = (state: CommunicationState, workflowId: string) => state.workflows.find((workflow) => workflow.workflowId === workflowId);
