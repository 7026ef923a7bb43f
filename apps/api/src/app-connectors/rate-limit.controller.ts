import { Body, Delete, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CommandContext } from '#application';
import type { RateLimit } from '#domain';
import { AdminCommands } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { connectorAnswer } from './app-connector.answers.js';
import { SetRateLimitRequest } from './app-connector.requests.js';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from './app-connector.target.js';
import { ChangeAppConnectorCommand } from './commands/change-app-connector/change-app-connector.command.js';

/** The guard's limit of a connector's calls, counted per API instance. */
@AdminCommands('rate limit', CONNECTOR_PATH)
export class RateLimitController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':appConnectorId/rate-limit')
  @ApiOperation({
    summary: "Limit the connector's calls",
    description:
      'A token bucket per API instance: `requestsPerSecond` refill it, `burst` (default: requestsPerSecond rounded up) is its size. ' +
      'A call beyond it is refused with 429, Retry-After and Profit\'s error body, and counted in usage as `rate_limited`.',
  })
  async set(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Body({ schema: SetRateLimitRequest }) body: z.infer<typeof SetRateLimitRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const limit = { requestsPerSecond: body.requestsPerSecond, burst: body.burst ?? Math.ceil(body.requestsPerSecond) };
    return this.change({ environmentId, appConnectorId }, limit, context, reply);
  }

  @Delete(':appConnectorId/rate-limit')
  @ApiOperation({ summary: 'Lift the limit', description: 'The connector\'s calls are no longer limited; lifting no limit changes nothing.' })
  async lift(@EnvironmentId() environmentId: string, @AppConnectorId() appConnectorId: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.change({ environmentId, appConnectorId }, null, context, reply);
  }

  private async change(target: { environmentId: string; appConnectorId: string }, limit: RateLimit | null, context: CommandContext, reply: FastifyReply) {
    const written = await this.commands.execute(new ChangeAppConnectorCommand(target, { type: 'SetRateLimit', data: { limit } }, context));
    return commandAnswer(reply, connectorAnswer(written));
  }
}
