import { Body, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { RegisterEnvironmentCommand, type EnvironmentRegistration } from './commands/register-environment/register-environment.command.js';

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
}
