import { Body, Delete, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext, WrittenState } from '#application';
import type { UserGroup } from '#domain';
import { AdminCommands, environmentIdParam, resourceIdParam, userIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { AddMemberCommand } from './commands/add-member/add-member.command.js';
import { CreateUserGroupCommand } from './commands/create-user-group/create-user-group.command.js';
import { DeleteUserGroupCommand } from './commands/delete-user-group/delete-user-group.command.js';
import { RenameUserGroupCommand } from './commands/rename-user-group/rename-user-group.command.js';
import { RemoveMemberCommand } from './commands/remove-member/remove-member.command.js';

const CreateUserGroupRequest = z.strictObject({ name: freeText('the name shown for the group') });
const RenameUserGroupRequest = z.strictObject({ name: freeText('the new name of the group') });
const AddMemberRequest = z.strictObject({ userId: z.string() });

const groupAnswer = ({ state, version, position }: WrittenState<UserGroup>) => ({ id: state.groupId, ...state, version, position });

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
    return commandAnswer(reply, groupAnswer(await this.commands.execute(new CreateUserGroupCommand(environmentId, body.name, context))));
  }

  @Put(':groupId/name')
  async rename(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('groupId', { schema: resourceIdParam }) groupId: string,
    @Body({ schema: RenameUserGroupRequest }) body: z.infer<typeof RenameUserGroupRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return commandAnswer(reply, groupAnswer(await this.commands.execute(new RenameUserGroupCommand(environmentId, groupId, body.name, context))));
  }

  @Delete(':groupId')
  @ApiOperation({ summary: 'Delete a user group that no app connector uses (deleted connectors do not count); its members leave it first' })
  @ApiUnprocessableEntityResponse({ description: 'user_group_in_use: the detail names the app connectors that use it' })
  async delete(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('groupId', { schema: resourceIdParam }) groupId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return commandAnswer(reply, groupAnswer(await this.commands.execute(new DeleteUserGroupCommand(environmentId, groupId, context))));
  }

  @Post(':groupId/members')
  async addMember(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('groupId', { schema: resourceIdParam }) groupId: string,
    @Body({ schema: AddMemberRequest }) body: z.infer<typeof AddMemberRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const membership = { environmentId, groupId, userId: body.userId };
    return commandAnswer(reply, groupAnswer(await this.commands.execute(new AddMemberCommand(membership, context))));
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
    return commandAnswer(reply, groupAnswer(await this.commands.execute(new RemoveMemberCommand({ environmentId, groupId, userId }, context))));
  }
}
