import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { MessageType } from './communication.state.js';
import type { MarkMessageHandled, ReceiveMessage } from './message.commands.js';
import { messageDecider } from './message.decider.js';
import { messageIdFor, type MessageEvent } from './message.events.js';

const given = deciderSpec(messageDecider);
const open: MessageType = { code: 'btw-aangifte', description: 'Btw-aangifte', blocked: false, workflowId: 'w1' };
const sender = { environmentId: '12345', messageId: 'm1', appConnectorId: 'c1', userId: '12345.jdoe' };

const receive = (data: Partial<ReceiveMessage['data']> = {}): ReceiveMessage => ({
  type: 'ReceiveMessage',
  data: { ...sender, messageType: 'btw-aangifte', reference: 'Q1-2026', payload: { period: '2026-Q1' }, knownType: open, ...data },
});
const handle = (workflowId = 'w1'): MarkMessageHandled => ({ type: 'MarkMessageHandled', data: { workflowId } });

const received: MessageEvent = {
  type: 'MessageReceived',
  data: { ...sender, workflowId: 'w1', messageType: 'btw-aangifte', reference: 'Q1-2026', payload: { period: '2026-Q1' } },
};
const handled: MessageEvent = { type: 'MessageHandled', data: { environmentId: '12345', messageId: 'm1', workflowId: 'w1' } };

describe('message decider', () => {
  describe('ReceiveMessage', () => {
    it('receives a message of an unblocked type for its workflow', () => {
      given([]).when(receive({ reference: ' Q1-2026 ' })).then([received]);
    });

    it('stores a message sent again once, even when its type was blocked since', () => {
      given([received]).when(receive()).then([]);
      given([received]).when(receive({ knownType: { ...open, blocked: true } })).then([]);
    });

    it('refuses a blocked type, and an unknown one', () => {
      given([]).when(receive({ knownType: { ...open, blocked: true } })).thenThrows('rule_violated', 'message_type_blocked', 'messageType');
      given([]).when(receive({ messageType: 'loonaangifte', knownType: undefined })).thenThrows('rule_violated', 'message_type_unknown', 'messageType');
    });

    it('refuses a message without a reference', () => {
      given([]).when(receive({ reference: '  ' })).thenThrows('invalid', 'reference_required', 'reference');
      given([]).when(receive({ reference: 'r'.repeat(256) })).thenThrows('invalid', 'reference_too_long', 'reference');
    });
  });

  describe('MarkMessageHandled', () => {
    it('marks a received message handled, once', () => {
      given([received]).when(handle()).then([handled]);
      given([received, handled]).when(handle()).then([]);
    });

    it('refuses a message that does not exist or is in another workflow', () => {
      given([]).when(handle()).thenThrows('not_found', 'message_not_found');
      given([received]).when(handle('w2')).thenThrows('not_found', 'message_not_found');
    });
  });

  it('derives the id from environment, connector and reference', () => {
    const id = messageIdFor('12345', 'c1', 'Q1-2026');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(messageIdFor('12345', 'c1', 'Q1-2026')).toBe(id);
    expect(new Set([messageIdFor('12345', 'c2', 'Q1-2026'), messageIdFor('12345', 'c1', 'Q2-2026'), messageIdFor('54321', 'c1', 'Q1-2026')]).has(id)).toBe(false);
  });
});
