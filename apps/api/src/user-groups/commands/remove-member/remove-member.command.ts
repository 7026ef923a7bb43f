import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { UserGroup } from '#domain';
import type { Membership } from '../membership.js';

export class RemoveMemberCommand extends Command<WrittenState<UserGroup>> {
  constructor(
    readonly membership: Membership,
    readonly context: CommandContext,
  ) {
    super();
  }
}
