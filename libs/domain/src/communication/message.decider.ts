import { assertNever, type Decider } from '../shared/decider.js';
import { notFound, ruleViolated } from '../shared/domain-error.js';
import { requireText } from '../shared/validation.js';
import type { MessageCommand, ReceiveMessage } from './message.commands.js';
import type { MessageEvent } from './message.events.js';
import { evolveMessage, initialMessageState, type MessageState } from './message.state.js';

export function decideMessage(command: MessageCommand, state: MessageState): MessageEvent[] {
  if (command.type === 'ReceiveMessage') return receive(command.data, state);
  // A message of another workflow is not in this workflow's inbox: unknown there, as one that does not exist.
  if (state === null || state.workflowId !== command.data.workflowId) throw notFound('message_not_found', 'message does not exist in this workflow');
  switch (command.type) {
    case 'MarkMessageHandled':
      return state.status === 'handled' ? [] : [{ type: 'MessageHandled', data: { environmentId: state.environmentId, messageId: state.messageId, workflowId: state.workflowId } }];
    default:
      return assertNever(command);
  }
}

function receive(data: ReceiveMessage['data'], state: MessageState): MessageEvent[] {
  const reference = requireText(data.reference, 'reference', 255);
  // Sent again with the same reference: stored once, whatever the type is now.
  if (state !== null) return [];
  const type = data.knownType;
  if (type === undefined) throw ruleViolated('message_type_unknown', `message type ${data.messageType} does not exist`, 'messageType');
  if (type.blocked || type.workflowId === null) throw ruleViolated('message_type_blocked', `message type ${type.code} is blocked`, 'messageType');
  const { knownType: _, ...received } = data;
  return [{ type: 'MessageReceived', data: { ...received, reference, workflowId: type.workflowId } }];
}

export const messageDecider: Decider<MessageState, MessageCommand, MessageEvent> = {
  initialState: initialMessageState,
  decide: decideMessage,
  evolve: evolveMessage,
};
