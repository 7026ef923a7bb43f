import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  changeAppConnector,
  createAppConnector,
  generateToken,
  type AppConnectorChange,
  type CommandContext,
  type CreateAppConnectorInput,
  type CreatedAppConnector,
  type IssuedToken,
} from '#application';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';

type Target = { environmentId: string; appConnectorId: string };

export class CreateAppConnectorCommand extends Command<CreatedAppConnector> {
  constructor(readonly environmentId: string, readonly input: CreateAppConnectorInput, readonly context: CommandContext) {
    super();
  }
}

export class ChangeAppConnectorCommand extends Command<Awaited<ReturnType<typeof changeAppConnector>>> {
  constructor(readonly target: Target, readonly change: AppConnectorChange, readonly context: CommandContext) {
    super();
  }
}

export class GenerateTokenCommand extends Command<IssuedToken> {
  constructor(readonly target: Target, readonly input: { userId: string; description: string }, readonly context: CommandContext) {
    super();
  }
}

@CommandHandler(CreateAppConnectorCommand)
export class CreateAppConnectorHandler implements ICommandHandler<CreateAppConnectorCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}
  execute({ environmentId, input, context }: CreateAppConnectorCommand) {
    return createAppConnector(this.deps, environmentId, input, context);
  }
}

@CommandHandler(ChangeAppConnectorCommand)
export class ChangeAppConnectorHandler implements ICommandHandler<ChangeAppConnectorCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}
  execute({ target, change, context }: ChangeAppConnectorCommand) {
    return changeAppConnector(this.deps, target, change, context);
  }
}

@CommandHandler(GenerateTokenCommand)
export class GenerateTokenHandler implements ICommandHandler<GenerateTokenCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}
  execute({ target, input, context }: GenerateTokenCommand) {
    return generateToken(this.deps, target, input, context);
  }
}
