import { assertNever, type Decider } from '../shared/decider.js';
import { conflict, notFound, ruleViolated } from '../shared/domain-error.js';
import { requireEnvironmentId, requireText } from '../shared/validation.js';
import type { CommunicationCommand, CreateWorkflow } from './communication.commands.js';
import type { CommunicationEvent } from './communication.events.js';
import { evolveCommunication, initialCommunicationState, messageTypeOf, workflowOf, type CommunicationState, type MessageType } from './communication.state.js';

export function decideCommunication(command: CommunicationCommand, state: CommunicationState): CommunicationEvent[] {
  const environmentId = requireEnvironmentId(command.data.environmentId);
  if (!command.data.environmentExists) throw notFound('environment_not_found', `environment ${environmentId} does not exist`);
  if (command.type === 'CreateWorkflow') return createWorkflow(command.data, state);
  const type = requireMessageType(state, command.data.code);
  const ref = { environmentId, code: type.code };
  switch (command.type) {
    case 'UnblockMessageType':
      requireWorkflow(state, command.data.workflowId);
      if (!type.blocked) return type.workflowId === command.data.workflowId ? [] : [{ type: 'MessageTypeWorkflowLinked', data: { ...ref, workflowId: command.data.workflowId } }];
      return [{ type: 'MessageTypeUnblocked', data: { ...ref, workflowId: command.data.workflowId } }];
    case 'LinkWorkflow':
      requireWorkflow(state, command.data.workflowId);
      return type.workflowId === command.data.workflowId ? [] : [{ type: 'MessageTypeWorkflowLinked', data: { ...ref, workflowId: command.data.workflowId } }];
    case 'BlockMessageType':
      return type.blocked ? [] : [{ type: 'MessageTypeBlocked', data: ref }];
    default:
      return assertNever(command);
  }
}

function createWorkflow(data: CreateWorkflow['data'], state: CommunicationState): CommunicationEvent[] {
  const name = requireText(data.name, 'name', 255);
  const existing = workflowOf(state, data.workflowId);
  if (existing === undefined) return [{ type: 'WorkflowCreated', data: { environmentId: data.environmentId, workflowId: data.workflowId, name } }];
  if (existing.name === name) return [];
  throw conflict('workflow_exists', `workflow ${data.workflowId} already exists with another name`, 'workflowId');
}

function requireMessageType(state: CommunicationState, code: string): MessageType {
  const type = messageTypeOf(state, code);
  if (type === undefined) throw notFound('message_type_not_found', `message type ${code} does not exist`);
  return type;
}

function requireWorkflow(state: CommunicationState, workflowId: string): void {
  // A rule of the message type (it must be handled by a workflow that exists), not an unknown resource of the route.
  if (workflowOf(state, workflowId) === undefined) throw ruleViolated('workflow_not_found', `workflow ${workflowId} does not exist`, 'workflowId');
}

export const communicationDecider: Decider<CommunicationState, CommunicationCommand, CommunicationEvent> = {
  initialState: initialCommunicationState,
  decide: decideCommunication,
  evolve: evolveCommunication,
};
