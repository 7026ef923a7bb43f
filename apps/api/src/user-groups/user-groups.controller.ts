import { Body, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands, environmentIdParam, resourceIdParam, userIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { UserGroupCommand } from './user-group.handler.js';

const CreateUserGroupRequest = z.strictObject({ name: freeText('the name shown for the group') });
const AddMemberRequest = z.strictObject({ userId: z.string() });

@AdminCommands('user groups', 'environments/:environmentId/user-groups')
export class UserGroupsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async create(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Body({ schema: CreateUserGroupRequest }) body: z.infer<typeof CreateUserGroupRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const group = await this.commands.execute(new UserGroupCommand({ kind: 'create', environmentId, name: body.name }, context));
    return commandAnswer(reply, { id: group.groupId, ...group });
  }

  @Post(':groupId/members')
  async addMember(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('groupId', { schema: resourceIdParam }) groupId: string,
    @Body({ schema: AddMemberRequest }) body: z.infer<typeof AddMemberRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const change = { kind: 'membership', environmentId, groupId, userId: body.userId, change: 'add' } as const;
    const group = await this.commands.execute(new UserGroupCommand(change, context));
    return commandAnswer(reply, { id: group.groupId, ...group });
  }

  @Delete(':groupId/members/:userId')
  @HttpCode(200)
  async removeMember(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('groupId', { schema: resourceIdParam }) groupId: string,
    @Param('userId', { schema: userIdParam }) userId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const change = { kind: 'membership', environmentId, groupId, userId, change: 'remove' } as const;
    const group = await this.commands.execute(new UserGroupCommand(change, context));
    return commandAnswer(reply, { id: group.groupId, ...group });
  }
}
