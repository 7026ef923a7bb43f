import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { registerEnvironment, type CommandContext, type EnvironmentRegistration } from '#application';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';

export class RegisterEnvironmentCommand extends Command<EnvironmentRegistration> {
  constructor(
    readonly input: { environmentId: string; name: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterEnvironmentCommand)
export class RegisterEnvironmentHandler implements ICommandHandler<RegisterEnvironmentCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  execute({ input, context }: RegisterEnvironmentCommand) {
    return registerEnvironment(this.deps, input, context);
  }
}
