import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, writtenState } from '#application';
import { appConnectorDecider } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { connectorStream } from '../connector-target.js';
import { ChangeAppConnectorCommand } from './change-app-connector.command.js';

@CommandHandler(ChangeAppConnectorCommand)
export class ChangeAppConnectorHandler implements ICommandHandler<ChangeAppConnectorCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ target, change, context }: ChangeAppConnectorCommand) {
    return writtenState(await executeCommand(this.deps, connectorStream(target), appConnectorDecider, change, context));
  }
}
