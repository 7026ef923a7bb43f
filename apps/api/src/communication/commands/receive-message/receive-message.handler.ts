import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, loadState, writtenState } from '#application';
import { communicationDecider, communicationStreamName, messageDecider, messageIdFor, messageStreamName, messageTypeOf, type ReceiveMessage } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { ReceiveMessageCommand } from './receive-message.command.js';

@CommandHandler(ReceiveMessageCommand)
export class ReceiveMessageHandler implements ICommandHandler<ReceiveMessageCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ message, context }: ReceiveMessageCommand) {
    const { environmentId, appConnectorId } = message;
    // The stream follows from sender and reference: a resend meets the first message and appends nothing.
    const messageId = messageIdFor(environmentId, appConnectorId, message.reference.trim());
    const command = async (): Promise<ReceiveMessage> => {
      const { state: communication } = await loadState(this.deps, communicationStreamName(environmentId), communicationDecider);
      return { type: 'ReceiveMessage', data: { ...message, messageId, knownType: messageTypeOf(communication, message.messageType) } };
    };
    return writtenState(await executeCommand(this.deps, messageStreamName(environmentId, messageId), messageDecider, command, context));
  }
}
