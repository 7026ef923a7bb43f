import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, writtenState } from '#application';
import { userGroupDecider, userGroupStreamName, type RemoveMember } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { RemoveMemberCommand } from './remove-member.command.js';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ membership: { environmentId, groupId, userId }, context }: RemoveMemberCommand) {
    const command: RemoveMember = { type: 'RemoveMember', data: { userId } };
    return writtenState(await executeCommand(this.deps, userGroupStreamName(environmentId, groupId), userGroupDecider, command, context));
  }
}
