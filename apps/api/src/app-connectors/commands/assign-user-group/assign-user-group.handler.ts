import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, loadUserGroup, writtenState } from '#application';
import { appConnectorDecider, type AssignUserGroup } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { connectorStream } from '../connector-target.js';
import { AssignUserGroupCommand } from './assign-user-group.command.js';

/** The connector may only move to a group of its own environment that exists. */
@CommandHandler(AssignUserGroupCommand)
export class AssignUserGroupHandler implements ICommandHandler<AssignUserGroupCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ target, userGroupId, context }: AssignUserGroupCommand) {
    const group = await loadUserGroup(this.deps, target.environmentId, userGroupId);
    const command: AssignUserGroup = { type: 'AssignUserGroup', data: { userGroupId, userGroupExists: group !== null } };
    return writtenState(await executeCommand(this.deps, connectorStream(target), appConnectorDecider, command, context));
  }
}
