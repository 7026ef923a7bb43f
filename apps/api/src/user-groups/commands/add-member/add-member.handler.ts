import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, userExists, writtenState } from '#application';
import { userGroupDecider, userGroupStreamName, type AddMember } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { AddMemberCommand } from './add-member.command.js';

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ membership: { environmentId, groupId, userId }, context }: AddMemberCommand) {
    const command: AddMember = { type: 'AddMember', data: { userId, userExists: await userExists(this.deps, userId) } };
    return writtenState(await executeCommand(this.deps, userGroupStreamName(environmentId, groupId), userGroupDecider, command, context));
  }
}
