import { fold } from '../shared/decider.js';
import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { BlockMessageType, CreateWorkflow, LinkWorkflow, UnblockMessageType } from './communication.commands.js';
import { communicationDecider } from './communication.decider.js';
import { communicationStreamName, type CommunicationEvent } from './communication.events.js';

const given = deciderSpec(communicationDecider);
const env = { environmentId: '12345', environmentExists: true };

const createWorkflow = (workflowId: string, name = 'Aangiften'): CreateWorkflow => ({ type: 'CreateWorkflow', data: { ...env, workflowId, name } });
const unblock = (code: string, workflowId: string): UnblockMessageType => ({ type: 'UnblockMessageType', data: { ...env, code, workflowId } });
const link = (code: string, workflowId: string): LinkWorkflow => ({ type: 'LinkWorkflow', data: { ...env, code, workflowId } });
const block = (code: string): BlockMessageType => ({ type: 'BlockMessageType', data: { ...env, code } });

const workflowCreated = (workflowId: string, name = 'Aangiften'): CommunicationEvent => ({ type: 'WorkflowCreated', data: { environmentId: '12345', workflowId, name } });
const unblocked = (code: string, workflowId: string): CommunicationEvent => ({ type: 'MessageTypeUnblocked', data: { environmentId: '12345', code, workflowId } });
const linked = (code: string, workflowId: string): CommunicationEvent => ({ type: 'MessageTypeWorkflowLinked', data: { environmentId: '12345', code, workflowId } });
const blocked = (code: string): CommunicationEvent => ({ type: 'MessageTypeBlocked', data: { environmentId: '12345', code } });

describe('communication connector decider', () => {
  it('starts with the four message types, each blocked and without a workflow', () => {
    const state = fold(communicationDecider, []);
    expect(state.messageTypes.map((type) => type.code)).toEqual(['btw-aangifte', 'suppletie-aangifte', 'icp-aangifte', 'kvk-deponering']);
    expect(state.messageTypes.every((type) => type.blocked && type.workflowId === null && type.description.length > 0)).toBe(true);
  });

  it.each([createWorkflow('w1'), unblock('btw-aangifte', 'w1'), link('btw-aangifte', 'w1'), block('btw-aangifte')])(
    'refuses %j in an unknown environment',
    (command) => {
      given([]).when({ ...command, data: { ...command.data, environmentExists: false } } as typeof command).thenThrows('not_found', 'environment_not_found');
    },
  );

  describe('CreateWorkflow', () => {
    it('creates a workflow with a trimmed name', () => {
      given([]).when(createWorkflow('w1', '  Aangiften ')).then([workflowCreated('w1')]);
    });

    it('refuses an empty or too long name', () => {
      given([]).when(createWorkflow('w1', ' ')).thenThrows('invalid', 'name_required', 'name');
      given([]).when(createWorkflow('w1', 'x'.repeat(256))).thenThrows('invalid', 'name_too_long', 'name');
    });

    it('changes nothing when the same workflow is created again, and refuses another name for its id', () => {
      given([workflowCreated('w1')]).when(createWorkflow('w1')).then([]);
      given([workflowCreated('w1')]).when(createWorkflow('w1', 'Other')).thenThrows('conflict', 'workflow_exists', 'workflowId');
    });
  });

  describe('UnblockMessageType', () => {
    it('unblocks a message type with an existing workflow', () => {
      given([workflowCreated('w1')]).when(unblock('btw-aangifte', 'w1')).then([unblocked('btw-aangifte', 'w1')]);
    });

    it('refuses a workflow that does not exist (an unblocked type must have one)', () => {
      given([]).when(unblock('btw-aangifte', 'w1')).thenThrows('rule_violated', 'workflow_not_found', 'workflowId');
    });

    it('refuses an unknown message type', () => {
      given([workflowCreated('w1')]).when(unblock('loonaangifte', 'w1')).thenThrows('not_found', 'message_type_not_found');
    });

    it('changes nothing for an unblocked type with the same workflow, and links another one', () => {
      const history = [workflowCreated('w1'), workflowCreated('w2', 'Other'), unblocked('btw-aangifte', 'w1')];
      given(history).when(unblock('btw-aangifte', 'w1')).then([]);
      given(history).when(unblock('btw-aangifte', 'w2')).then([linked('btw-aangifte', 'w2')]);
    });
  });

  describe('LinkWorkflow', () => {
    it('links an existing workflow, to a blocked type too', () => {
      given([workflowCreated('w1')]).when(link('icp-aangifte', 'w1')).then([linked('icp-aangifte', 'w1')]);
    });

    it('changes nothing when that workflow is linked already', () => {
      given([workflowCreated('w1'), linked('icp-aangifte', 'w1')]).when(link('icp-aangifte', 'w1')).then([]);
    });

    it('refuses a workflow that does not exist and an unknown type', () => {
      given([]).when(link('icp-aangifte', 'w1')).thenThrows('rule_violated', 'workflow_not_found', 'workflowId');
      given([workflowCreated('w1')]).when(link('nope', 'w1')).thenThrows('not_found', 'message_type_not_found');
    });
  });

  describe('BlockMessageType', () => {
    it('blocks an unblocked type and keeps its workflow', () => {
      const history = [workflowCreated('w1'), unblocked('kvk-deponering', 'w1')];
      given(history).when(block('kvk-deponering')).then([blocked('kvk-deponering')]);
      const type = fold(communicationDecider, [...history, blocked('kvk-deponering')]).messageTypes.find((t) => t.code === 'kvk-deponering');
      expect(type).toMatchObject({ blocked: true, workflowId: 'w1' });
    });

    it('changes nothing for a blocked type, and refuses an unknown one', () => {
      given([]).when(block('kvk-deponering')).then([]);
      given([]).when(block('nope')).thenThrows('not_found', 'message_type_not_found');
    });
  });

  it('names its stream after the environment', () => {
    expect(communicationStreamName('12345')).toBe('communication-12345');
  });
});
