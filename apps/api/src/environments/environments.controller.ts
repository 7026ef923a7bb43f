import { Body, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands, environmentIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { RegisterEnvironmentCommand, type EnvironmentRegistration } from './commands/register-environment/register-environment.command.js';
import { RotateEnvironmentKeyCommand } from './commands/rotate-environment-key/rotate-environment-key.command.js';

const RegisterEnvironmentRequest = z.strictObject({
  environmentId: z.string().describe('e.g. 12345'),
  name: freeText('the customer the environment belongs to'),
});

const registrationAnswer = ({ state, environmentKey, version, position }: EnvironmentRegistration) => ({
  environmentId: state.environmentId,
  name: state.name,
  environmentKey,
  version,
  position,
});

@AdminCommands('environments', 'environments')
export class EnvironmentsController {
  constructor(private readonly commands: CommandBus) {}

  /** Registers a customer environment; the answer shows its environment key once. */
  @Post()
  async register(
    @Body({ schema: RegisterEnvironmentRequest }) body: z.infer<typeof RegisterEnvironmentRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const registration = await this.commands.execute(new RegisterEnvironmentCommand(body.environmentId, body.name, context));
    return commandAnswer(reply, registrationAnswer(registration));
  }

  @Post(':environmentId/key/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new environment key (the apiToken of the one-time-password flow), shown once; the old one is void at once' })
  @ApiOkResponse({ description: '{ environmentId, name, environmentKey, version, position }' })
  async rotateKey(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    return commandAnswer(reply, registrationAnswer(await this.commands.execute(new RotateEnvironmentKeyCommand(environmentId, context))));
  }
}
