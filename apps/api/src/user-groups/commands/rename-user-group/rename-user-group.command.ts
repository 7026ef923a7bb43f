import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { UserGroup } from '#domain';

export class RenameUserGroupCommand extends Command<WrittenState<UserGroup>> {
  constructor(
    readonly environmentId: string,
    readonly groupId: string,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
