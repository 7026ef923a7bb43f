import { Body, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext, WrittenState } from '#application';
import type { User } from '#domain';
import { AdminCommands, environmentIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { RegisterUserCommand } from './commands/register-user/register-user.command.js';

const RegisterUserRequest = z.strictObject({
  userId: z.string().describe('{environmentId}.{name}, e.g. 12345.jdoe'),
  email: freeText('required for persons (one-time passwords are e-mailed)').nullable().optional(),
  name: freeText('the name shown for the user'),
  kind: z.enum(['person', 'system']).default('person'),
});

const userAnswer = ({ state, version, position }: WrittenState<User>) => ({ ...state, version, position });

@AdminCommands('users', 'environments/:environmentId/users')
export class UsersController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async register(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Body({ schema: RegisterUserRequest }) body: z.infer<typeof RegisterUserRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const user = { ...body, environmentId, email: body.email ?? null };
    return commandAnswer(reply, userAnswer(await this.commands.execute(new RegisterUserCommand(user, context))));
  }
}
