import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { changeMembership, createUserGroup, type CommandContext } from '#application';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';

type UserGroupChange =
  | { kind: 'create'; environmentId: string; name: string }
  | { kind: 'membership'; environmentId: string; groupId: string; userId: string; change: 'add' | 'remove' };

export class UserGroupCommand extends Command<Awaited<ReturnType<typeof createUserGroup>>> {
  constructor(
    readonly change: UserGroupChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UserGroupCommand)
export class UserGroupHandler implements ICommandHandler<UserGroupCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  execute({ change, context }: UserGroupCommand) {
    return change.kind === 'create'
      ? createUserGroup(this.deps, change, context)
      : changeMembership(this.deps, change, context);
  }
}
