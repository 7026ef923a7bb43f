import { Body, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext, WrittenState } from '#application';
import type { User } from '#domain';
import { AdminCommands, environmentIdParam, userIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { ChangeUserCommand, type UserChange } from './commands/change-user/change-user.command.js';
import { RegisterUserCommand } from './commands/register-user/register-user.command.js';

const RegisterUserRequest = z.strictObject({
  userId: z.string().describe('{environmentId}.{name}, e.g. 12345.jdoe'),
  email: freeText('required for persons (one-time passwords are e-mailed)').nullable().optional(),
  name: freeText('the name shown for the user'),
  kind: z.enum(['person', 'system']).default('person'),
});

const ChangeUserDetailsRequest = z
  .strictObject({
    email: freeText('the new e-mail address; null removes that of a system user (a person needs one)').nullable().optional(),
    name: freeText('the new name').optional(),
  })
  .describe('the fields to change; one left out keeps its value');

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

  @Patch(':userId')
  changeDetails(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('userId', { schema: userIdParam }) userId: string,
    @Body({ schema: ChangeUserDetailsRequest }) body: z.infer<typeof ChangeUserDetailsRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, environmentId, userId, { type: 'ChangeUserDetails', data: body }, context);
  }

  /** Every token of the user is refused at once (`user_deactivated`), and no one-time password is sent to the user. */
  @Post(':userId/deactivate')
  @HttpCode(200)
  deactivate(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('userId', { schema: userIdParam }) userId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, environmentId, userId, { type: 'DeactivateUser', data: {} }, context);
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  reactivate(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('userId', { schema: userIdParam }) userId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, environmentId, userId, { type: 'ReactivateUser', data: {} }, context);
  }

  private async change(reply: FastifyReply, environmentId: string, userId: string, change: UserChange, context: CommandContext) {
    return commandAnswer(reply, userAnswer(await this.commands.execute(new ChangeUserCommand(environmentId, userId, change, context))));
  }
}
