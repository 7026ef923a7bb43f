import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { AppConnector, AppConnectorCommand } from '#domain';
import type { ConnectorTarget } from '../connector-target.js';

/** The commands on an existing connector that carry all their decision needs: no facts, no new ids. */
export type AppConnectorChange = Exclude<AppConnectorCommand, { type: 'CreateAppConnector' | 'AssignUserGroup' | 'GenerateToken' | 'RotateToken' | 'AddIpRestriction' }>;

export class ChangeAppConnectorCommand extends Command<WrittenState<AppConnector>> {
  constructor(
    readonly target: ConnectorTarget,
    readonly change: AppConnectorChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
