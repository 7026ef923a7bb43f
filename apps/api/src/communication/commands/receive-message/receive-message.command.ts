import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { Message } from '#domain';

/** A message an external application sent through the Profit surface; the context names its connector and user. */
export class ReceiveMessageCommand extends Command<WrittenState<Message>> {
  constructor(
    readonly message: {
      readonly environmentId: string;
      readonly appConnectorId: string;
      readonly userId: string;
      readonly messageType: string;
      readonly reference: string;
      readonly payload: unknown;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
