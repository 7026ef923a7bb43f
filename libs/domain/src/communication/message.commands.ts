import type { MessageType } from './communication.state.js';

export type ReceiveMessage = {
  readonly type: 'ReceiveMessage';
  readonly data: {
    readonly environmentId: string;
    readonly messageId: string;
    /** Who sent it: the token's app connector and user. */
    readonly appConnectorId: string;
    readonly userId: string;
    readonly messageType: string;
    readonly reference: string;
    readonly payload: unknown;
    /** The environment's message type of that code as it is now, or `undefined` for an unknown code. */
    readonly knownType: MessageType | undefined;
  };
};

export type MarkMessageHandled = {
  readonly type: 'MarkMessageHandled';
  readonly data: { readonly workflowId: string };
};

export type MessageCommand = ReceiveMessage | MarkMessageHandled;
