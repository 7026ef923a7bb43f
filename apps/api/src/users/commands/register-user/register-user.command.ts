import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { RegisterUser, User } from '#domain';

/** The user as the caller describes it; whether the environment exists is looked up. */
export type UserRegistration = Omit<RegisterUser['data'], 'environmentExists'>;

export class RegisterUserCommand extends Command<WrittenState<User>> {
  constructor(
    readonly user: UserRegistration,
    readonly context: CommandContext,
  ) {
    super();
  }
}
