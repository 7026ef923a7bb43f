import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { environmentExists, executeCommand, runtimeOf, writtenState } from '#application';
import { userGroupDecider, userGroupStreamName, type CreateUserGroup } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { CreateUserGroupCommand } from './create-user-group.command.js';

@CommandHandler(CreateUserGroupCommand)
export class CreateUserGroupHandler implements ICommandHandler<CreateUserGroupCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, name, context }: CreateUserGroupCommand) {
    const runtime = runtimeOf(this.deps, context);
    const groupId = runtime.newId();
    const command: CreateUserGroup = {
      type: 'CreateUserGroup',
      data: { environmentId, groupId, name, environmentExists: await environmentExists(this.deps, environmentId) },
    };
    return writtenState(await executeCommand(this.deps, userGroupStreamName(environmentId, groupId), userGroupDecider, command, context));
  }
}
