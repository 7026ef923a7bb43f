import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { environmentExists, executeCommand, writtenState } from '#application';
import { userDecider, userStreamName, type RegisterUser } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { RegisterUserCommand } from './register-user.command.js';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ user, context }: RegisterUserCommand) {
    const command: RegisterUser = { type: 'RegisterUser', data: { ...user, environmentExists: await environmentExists(this.deps, user.environmentId) } };
    return writtenState(await executeCommand(this.deps, userStreamName(user.userId), userDecider, command, context));
  }
}
