import { Body, Delete, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands, resourceIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { connectorAnswer, ipRestrictionAnswer } from './app-connector.answers.js';
import { AddIpRestrictionRequest } from './app-connector.requests.js';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from './app-connector.target.js';
import { AddIpRestrictionCommand } from './commands/add-ip-restriction/add-ip-restriction.command.js';
import { ChangeAppConnectorCommand } from './commands/change-app-connector/change-app-connector.command.js';

/** IP restriction lines: all allow or all deny, stored as normalised CIDRs. */
@AdminCommands('ip restrictions', CONNECTOR_PATH)
export class IpRestrictionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appConnectorId/ip-restrictions')
  async add(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Body({ schema: AddIpRestrictionRequest }) body: z.infer<typeof AddIpRestrictionRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const added = await this.commands.execute(new AddIpRestrictionCommand({ environmentId, appConnectorId }, body, context));
    return commandAnswer(reply, ipRestrictionAnswer(added));
  }

  @Delete(':appConnectorId/ip-restrictions/:restrictionId')
  async remove(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Param('restrictionId', { schema: resourceIdParam }) restrictionId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(
      new ChangeAppConnectorCommand({ environmentId, appConnectorId }, { type: 'RemoveIpRestriction', data: { restrictionId } }, context),
    );
    return commandAnswer(reply, connectorAnswer(written));
  }
}
