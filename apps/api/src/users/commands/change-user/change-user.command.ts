import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { User, UserCommand } from '#domain';

/** The commands on a registered user: they carry all their decision needs. */
export type UserChange = Exclude<UserCommand, { type: 'RegisterUser' }>;

export class ChangeUserCommand extends Command<WrittenState<User>> {
  constructor(
    readonly environmentId: string,
    readonly userId: string,
    readonly change: UserChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
