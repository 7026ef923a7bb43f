import { assertNever } from '../shared/decider.js';
import type { MessageEvent, MessageReceived } from './message.events.js';

export type MessageStatus = 'received' | 'handled';

export type Message = MessageReceived['data'] & { readonly status: MessageStatus };

/** `null` until received. */
export type MessageState = Message | null;

export const initialMessageState = (): MessageState => null;

export function evolveMessage(state: MessageState, event: MessageEvent): MessageState {
  if (event.type === 'MessageReceived') return { ...event.data, status: 'received' };
  if (state === null) return state;
  switch (event.type) {
    case 'MessageHandled':
      return { ...state, status: 'handled' };
    default:
      return assertNever(event);
  }
}
