import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { Message } from '#domain';

export class MarkMessageHandledCommand extends Command<WrittenState<Message>> {
  constructor(
    readonly target: { readonly environmentId: string; readonly workflowId: string; readonly messageId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
