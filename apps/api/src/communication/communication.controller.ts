import { Body, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CommandContext } from '#application';
import { AdminCommands, environmentIdParam, resourceIdParam } from '../http/admin-api.decorators.js';
import { commandAnswer } from '../http/command-answer.js';
import { CommandCtx } from '../http/command-context.decorator.js';
import { freeText } from '../http/free-text.js';
import { messageAnswer, messageTypeAnswer, workflowAnswer } from './communication.answers.js';
import { ChangeMessageTypeCommand, type MessageTypeChange } from './commands/change-message-type/change-message-type.command.js';
import { CreateWorkflowCommand } from './commands/create-workflow/create-workflow.command.js';
import { MarkMessageHandledCommand } from './commands/mark-message-handled/mark-message-handled.command.js';

const CreateWorkflowRequest = z.strictObject({ name: freeText('the name shown for the workflow') });
const WorkflowRequest = z.strictObject({ workflowId: resourceIdParam });
const messageTypeCodeParam = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a message type code is lowercase letters, digits and -');

const EnvironmentId = () => Param('environmentId', { schema: environmentIdParam });
const Code = () => Param('code', { schema: messageTypeCodeParam });

/** The communication connector's administration: workflows, and which message types are open and who handles them. */
@AdminCommands('communication connector', 'environments/:environmentId')
export class CommunicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post('workflows')
  async createWorkflow(
    @EnvironmentId() environmentId: string,
    @Body({ schema: CreateWorkflowRequest }) body: z.infer<typeof CreateWorkflowRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return commandAnswer(reply, workflowAnswer(await this.commands.execute(new CreateWorkflowCommand(environmentId, body.name, context))));
  }

  @Post('message-types/:code/unblock')
  @HttpCode(200)
  unblock(
    @EnvironmentId() environmentId: string,
    @Code() code: string,
    @Body({ schema: WorkflowRequest }) body: z.infer<typeof WorkflowRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, { type: 'UnblockMessageType', data: { environmentId, code, workflowId: body.workflowId } }, context);
  }

  @Put('message-types/:code/workflow')
  linkWorkflow(
    @EnvironmentId() environmentId: string,
    @Code() code: string,
    @Body({ schema: WorkflowRequest }) body: z.infer<typeof WorkflowRequest>,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.change(reply, { type: 'LinkWorkflow', data: { environmentId, code, workflowId: body.workflowId } }, context);
  }

  @Post('message-types/:code/block')
  @HttpCode(200)
  block(@EnvironmentId() environmentId: string, @Code() code: string, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.change(reply, { type: 'BlockMessageType', data: { environmentId, code } }, context);
  }

  @Post('workflows/:workflowId/messages/:messageId/handled')
  @HttpCode(200)
  async markHandled(
    @EnvironmentId() environmentId: string,
    @Param('workflowId', { schema: resourceIdParam }) workflowId: string,
    @Param('messageId', { schema: resourceIdParam }) messageId: string,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.commands.execute(new MarkMessageHandledCommand({ environmentId, workflowId, messageId }, context));
    return commandAnswer(reply, messageAnswer(answer));
  }

  private async change(reply: FastifyReply, change: MessageTypeChange, context: CommandContext) {
    return commandAnswer(reply, messageTypeAnswer(await this.commands.execute(new ChangeMessageTypeCommand(change, context))));
  }
}
