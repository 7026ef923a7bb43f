import { evolveMessage, MESSAGE_EVENT_TYPES, type Message, type MessageEvent } from '#domain';
import { aggregateReadModel, type AggregateDocument } from './aggregate-read-model.js';
import { scopedId } from './change-stamp.js';

/** A received message; `createdAt` is when it was received, `updatedBy` who marked it handled. */
export type MessageDocument = AggregateDocument<Message>;

export const messagesReadModel = aggregateReadModel<Message, MessageEvent>({
  name: 'messages',
  version: 1,
  handles: MESSAGE_EVENT_TYPES,
  creation: 'MessageReceived',
  documentId: ({ data }) => scopedId(data.environmentId, data.messageId),
  evolve: evolveMessage,
});
