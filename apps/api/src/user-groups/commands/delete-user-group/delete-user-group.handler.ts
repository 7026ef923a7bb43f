import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appConnectorsUsingGroup, executeCommand, writtenState } from '#application';
import { userGroupDecider, userGroupStreamName, type DeleteUserGroup } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { DeleteUserGroupCommand } from './delete-user-group.command.js';

@CommandHandler(DeleteUserGroupCommand)
export class DeleteUserGroupHandler implements ICommandHandler<DeleteUserGroupCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, groupId, context }: DeleteUserGroupCommand) {
    const usedByAppConnectors = await appConnectorsUsingGroup(this.deps, environmentId, groupId);
    const command: DeleteUserGroup = { type: 'DeleteUserGroup', data: { usedByAppConnectors } };
    return writtenState(await executeCommand(this.deps, userGroupStreamName(environmentId, groupId), userGroupDecider, command, context));
  }
}
