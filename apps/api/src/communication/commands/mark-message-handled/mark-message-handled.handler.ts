import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, writtenState } from '#application';
import { messageDecider, messageStreamName, type MarkMessageHandled } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { MarkMessageHandledCommand } from './mark-message-handled.command.js';

@CommandHandler(MarkMessageHandledCommand)
export class MarkMessageHandledHandler implements ICommandHandler<MarkMessageHandledCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ target: { environmentId, workflowId, messageId }, context }: MarkMessageHandledCommand) {
    const command: MarkMessageHandled = { type: 'MarkMessageHandled', data: { workflowId } };
    return writtenState(await executeCommand(this.deps, messageStreamName(environmentId, messageId), messageDecider, command, context));
  }
}
