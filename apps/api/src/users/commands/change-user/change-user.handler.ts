import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, writtenState } from '#application';
import { isUserIdOfEnvironment, notFound, userDecider, userStreamName } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { ChangeUserCommand } from './change-user.command.js';

@CommandHandler(ChangeUserCommand)
export class ChangeUserHandler implements ICommandHandler<ChangeUserCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, userId, change, context }: ChangeUserCommand) {
    // A user id names its environment: under another environment's path the user does not exist.
    if (!isUserIdOfEnvironment(userId, environmentId)) throw notFound('user_not_found', `user ${userId} does not exist in environment ${environmentId}`);
    return writtenState(await executeCommand(this.deps, userStreamName(userId), userDecider, change, context));
  }
}
