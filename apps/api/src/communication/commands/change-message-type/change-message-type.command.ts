import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { BlockMessageType, LinkWorkflow, MessageType, UnblockMessageType } from '#domain';

/** A change of one message type, as the route names it; the environment's existence is looked up by the handler. */
export type MessageTypeChange =
  | { readonly type: 'UnblockMessageType'; readonly data: Omit<UnblockMessageType['data'], 'environmentExists'> }
  | { readonly type: 'LinkWorkflow'; readonly data: Omit<LinkWorkflow['data'], 'environmentExists'> }
  | { readonly type: 'BlockMessageType'; readonly data: Omit<BlockMessageType['data'], 'environmentExists'> };

export class ChangeMessageTypeCommand extends Command<WrittenState<MessageType>> {
  constructor(
    readonly change: MessageTypeChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
