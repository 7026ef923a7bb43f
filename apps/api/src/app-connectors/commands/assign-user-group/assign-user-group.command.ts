import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { AppConnector } from '#domain';
import type { ConnectorTarget } from '../connector-target.js';

export class AssignUserGroupCommand extends Command<WrittenState<AppConnector>> {
  constructor(
    readonly target: ConnectorTarget,
    readonly userGroupId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
