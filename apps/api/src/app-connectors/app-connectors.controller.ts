import { Body, Delete, HttpCode, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { connectorAnswer, createdConnectorAnswer } from './app-connector.answers.js';
import { AssignUserGroupRequest, ChangeDescriptionRequest, CreateAppConnectorRequest } from './app-connector.requests.js';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from './app-connector.target.js';
import { AssignUserGroupCommand } from './commands/assign-user-group/assign-user-group.command.js';
import { ChangeAppConnectorCommand, type AppConnectorChange } from './commands/change-app-connector/change-app-connector.command.js';
import { CreateAppConnectorCommand } from './commands/create-app-connector/create-app-connector.command.js';

@AdminCommands('app connectors', CONNECTOR_PATH)
export class AppConnectorsController {
  constructor(private readonly commands: CommandBus) {}

  /** A new app connector is always blocked; its apiKey identifies it publicly. */
  @Post()
  async create(
    @EnvironmentId() environmentId: string,
    @Body({ schema: CreateAppConnectorRequest }) body: z.infer<typeof CreateAppConnectorRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return commandAnswer(reply, createdConnectorAnswer(await this.commands.execute(new CreateAppConnectorCommand(environmentId, body, context))));
  }

  @Post(':appConnectorId/block')
  @HttpCode(200)
  block(@EnvironmentId() env: string, @AppConnectorId() id: string, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.change(reply, env, id, { type: 'BlockAppConnector', data: {} }, ctx);
  }

  @Post(':appConnectorId/unblock')
  @HttpCode(200)
  unblock(@EnvironmentId() env: string, @AppConnectorId() id: string, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.change(reply, env, id, { type: 'UnblockAppConnector', data: {} }, ctx);
  }

  /**
   * Archives the connector: its tokens are refused at once, it leaves the lists (`?archived=true`
   * shows it), its history stays, its id is never given out again and every later command is 409.
   */
  @Delete(':appConnectorId')
  @ApiOperation({ summary: 'Delete (archive) an app connector: its tokens are refused at once, its history stays, its id is never reused' })
  @ApiOkResponse({ description: 'the connector, archived: true, with version and position' })
  @ApiConflictResponse({ description: 'app_connector_archived: deleted before (every command on a deleted connector is 409)' })
  archive(@EnvironmentId() env: string, @AppConnectorId() id: string, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.change(reply, env, id, { type: 'ArchiveAppConnector', data: {} }, ctx);
  }

  @Put(':appConnectorId/description')
  changeDescription(
    @EnvironmentId() env: string,
    @AppConnectorId() id: string,
    @Body({ schema: ChangeDescriptionRequest }) body: z.infer<typeof ChangeDescriptionRequest>,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, env, id, { type: 'ChangeDescription', data: body }, ctx);
  }

  @Put(':appConnectorId/user-group')
  async assignUserGroup(
    @EnvironmentId() env: string,
    @AppConnectorId() id: string,
    @Body({ schema: AssignUserGroupRequest }) body: z.infer<typeof AssignUserGroupRequest>,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const target = { environmentId: env, appConnectorId: id };
    return commandAnswer(reply, connectorAnswer(await this.commands.execute(new AssignUserGroupCommand(target, body.userGroupId, ctx))));
  }

  private async change(reply: FastifyReply, environmentId: string, appConnectorId: string, change: AppConnectorChange, context: CommandContext) {
    const written = await this.commands.execute(new ChangeAppConnectorCommand({ environmentId, appConnectorId }, change, context));
    return commandAnswer(reply, connectorAnswer(written));
  }
}
