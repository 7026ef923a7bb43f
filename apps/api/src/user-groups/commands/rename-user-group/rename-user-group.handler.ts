import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, writtenState } from '#application';
import { userGroupDecider, userGroupStreamName, type RenameUserGroup } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { RenameUserGroupCommand } from './rename-user-group.command.js';

@CommandHandler(RenameUserGroupCommand)
export class RenameUserGroupHandler implements ICommandHandler<RenameUserGroupCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, groupId, name, context }: RenameUserGroupCommand) {
    const command: RenameUserGroup = { type: 'RenameUserGroup', data: { name } };
    return writtenState(await executeCommand(this.deps, userGroupStreamName(environmentId, groupId), userGroupDecider, command, context));
  }
}
