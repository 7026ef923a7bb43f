import { Body, Delete, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands, resourceIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { connectorAnswer, issuedTokenAnswer, rotatedTokenAnswer } from './app-connector.answers.js';
import { GenerateTokenRequest, RotateTokenRequest, SetTokenValidityRequest } from './app-connector.requests.js';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from './app-connector.target.js';
import { ChangeAppConnectorCommand } from './commands/change-app-connector/change-app-connector.command.js';
import { GenerateTokenCommand } from './commands/generate-token/generate-token.command.js';
import { RotateTokenCommand } from './commands/rotate-token/rotate-token.command.js';

/** Tokens of an app connector: one live token per user and device; the text is shown once. */
@AdminCommands('tokens', CONNECTOR_PATH)
export class TokensController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':appConnectorId/tokens')
  async generate(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Body({ schema: GenerateTokenRequest }) body: z.infer<typeof GenerateTokenRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    const issued = await this.commands.execute(new GenerateTokenCommand({ environmentId, appConnectorId }, body, context));
    return commandAnswer(reply, issuedTokenAnswer(issued));
  }

  /** A new token for the same user and device; the old one stays valid for `overlapSeconds`, then is refused as expired. */
  @Post(':appConnectorId/tokens/:tokenId/rotate')
  async rotate(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Param('tokenId', { schema: resourceIdParam }) tokenId: string,
    @Body({ schema: RotateTokenRequest }) body: z.infer<typeof RotateTokenRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    const rotated = await this.commands.execute(new RotateTokenCommand({ environmentId, appConnectorId }, tokenId, body.overlapSeconds, context));
    return commandAnswer(reply, rotatedTokenAnswer(rotated));
  }

  /** The connector's default validity: it applies to tokens generated afterwards (here, by one-time password, by the quick path). */
  @Put(':appConnectorId/token-validity')
  async setValidity(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Body({ schema: SetTokenValidityRequest }) body: z.infer<typeof SetTokenValidityRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(
      new ChangeAppConnectorCommand({ environmentId, appConnectorId }, { type: 'SetTokenValidity', data: { days: body.days } }, context),
    );
    return commandAnswer(reply, connectorAnswer(written));
  }

  @Delete(':appConnectorId/tokens/:tokenId')
  async revoke(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Param('tokenId', { schema: resourceIdParam }) tokenId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(
      new ChangeAppConnectorCommand({ environmentId, appConnectorId }, { type: 'RevokeToken', data: { tokenId } }, context),
    );
    return commandAnswer(reply, connectorAnswer(written));
  }
}
