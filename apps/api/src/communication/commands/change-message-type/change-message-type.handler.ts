import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { environmentExists, executeCommand } from '#application';
import { communicationDecider, communicationStreamName, messageTypeOf, type CommunicationCommand } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { ChangeMessageTypeCommand } from './change-message-type.command.js';

@CommandHandler(ChangeMessageTypeCommand)
export class ChangeMessageTypeHandler implements ICommandHandler<ChangeMessageTypeCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ change, context }: ChangeMessageTypeCommand) {
    const { environmentId, code } = change.data;
    const command = { ...change, data: { ...change.data, environmentExists: await environmentExists(this.deps, environmentId) } } as CommunicationCommand;
    const { state, version, position } = await executeCommand(this.deps, communicationStreamName(environmentId), communicationDecider, command, context);
    // The decider refused an unknown code, so the type is there.
    return { state: messageTypeOf(state, code)!, version, position };
  }
}
