import { Body, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands, connectorNameParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { connectorAnswer } from './app-connector.answers.js';
import { GrantRequest } from './app-connector.requests.js';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from './app-connector.target.js';
import { ChangeAppConnectorCommand, type AppConnectorChange } from './commands/change-app-connector/change-app-connector.command.js';
import type { ConnectorTarget } from './commands/connector-target.js';

const grantListParam = z.enum(['get-connectors', 'update-connectors', 'special-connectors']);
type GrantListPath = z.infer<typeof grantListParam>;

const GRANT = {
  'get-connectors': 'GrantGetConnectors',
  'update-connectors': 'GrantUpdateConnectors',
  'special-connectors': 'AddSpecialConnectors',
} as const;
const REVOKE = {
  'get-connectors': 'RevokeGetConnector',
  'update-connectors': 'RevokeUpdateConnector',
  'special-connectors': 'RemoveSpecialConnector',
} as const;

/** GetConnectors, UpdateConnectors and special connectors (AppConnectorSubject, CommSvcConnector). */
@AdminCommands('app connector grants', CONNECTOR_PATH)
export class AppConnectorGrantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appConnectorId/:list')
  @HttpCode(200)
  grant(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Param('list', { schema: grantListParam }) list: GrantListPath,
    @Body({ schema: GrantRequest }) body: z.infer<typeof GrantRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, { environmentId, appConnectorId }, { type: GRANT[list], data: { names: body.names } }, context);
  }

  @Delete(':appConnectorId/:list/:name')
  revoke(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Param('list', { schema: grantListParam }) list: GrantListPath,
    @Param('name', { schema: connectorNameParam }) name: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, { environmentId, appConnectorId }, { type: REVOKE[list], data: { name } }, context);
  }

  private async change(reply: FastifyReply, target: ConnectorTarget, change: AppConnectorChange, context: CommandContext) {
    return commandAnswer(reply, connectorAnswer(await this.commands.execute(new ChangeAppConnectorCommand(target, change, context))));
  }
}
