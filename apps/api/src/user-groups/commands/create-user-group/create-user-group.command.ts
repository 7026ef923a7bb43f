import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { UserGroup } from '#domain';

export class CreateUserGroupCommand extends Command<WrittenState<UserGroup>> {
  constructor(
    readonly environmentId: string,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
