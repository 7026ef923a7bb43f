import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { registerUser, type CommandContext, type RegisterUserInput } from '#application';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';

export class RegisterUserCommand extends Command<Awaited<ReturnType<typeof registerUser>>> {
  constructor(
    readonly input: RegisterUserInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  execute({ input, context }: RegisterUserCommand) {
    return registerUser(this.deps, input, context);
  }
}
