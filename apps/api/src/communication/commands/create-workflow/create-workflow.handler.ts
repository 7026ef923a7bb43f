import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { environmentExists, executeCommand, runtimeOf } from '#application';
import { communicationDecider, communicationStreamName, workflowOf, type CreateWorkflow } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { CreateWorkflowCommand } from './create-workflow.command.js';

@CommandHandler(CreateWorkflowCommand)
export class CreateWorkflowHandler implements ICommandHandler<CreateWorkflowCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, name, context }: CreateWorkflowCommand) {
    const workflowId = runtimeOf(this.deps, context).newId();
    const command: CreateWorkflow = {
      type: 'CreateWorkflow',
      data: { environmentId, workflowId, name, environmentExists: await environmentExists(this.deps, environmentId) },
    };
    const { state, version, position } = await executeCommand(this.deps, communicationStreamName(environmentId), communicationDecider, command, context);
    return { state: workflowOf(state, workflowId)!, version, position };
  }
}
