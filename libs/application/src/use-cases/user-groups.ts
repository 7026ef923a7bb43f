import { userGroupDecider, userGroupStreamName } from '#domain';
import type { CommandContext } from '../commands/command-context.js';
import { executeCommand } from '../commands/execute-command.js';
import { environmentExists, userExists } from './facts.js';
import type { UseCaseDeps } from './use-case-deps.js';

export async function createUserGroup(
  deps: UseCaseDeps,
  input: { environmentId: string; name: string; groupId?: string },
  context: CommandContext,
) {
  const groupId = input.groupId ?? deps.runtime.newId();
  const outcome = await executeCommand(
    deps.store,
    userGroupStreamName(input.environmentId, groupId),
    userGroupDecider,
    {
      type: 'CreateUserGroup',
      data: { environmentId: input.environmentId, groupId, name: input.name, environmentExists: await environmentExists(deps, input.environmentId) },
    },
    context,
    deps.runtime.now(),
  );
  return { ...outcome.state!, version: outcome.version, position: outcome.position };
}

export async function changeMembership(
  deps: UseCaseDeps,
  input: { environmentId: string; groupId: string; userId: string; change: 'add' | 'remove' },
  context: CommandContext,
) {
  const command =
    input.change === 'add'
      ? { type: 'AddMember' as const, data: { userId: input.userId, userExists: await userExists(deps, input.userId) } }
      : { type: 'RemoveMember' as const, data: { userId: input.userId } };
  const outcome = await executeCommand(
    deps.store,
    userGroupStreamName(input.environmentId, input.groupId),
    userGroupDecider,
    command,
    context,
    deps.runtime.now(),
  );
  return { ...outcome.state!, version: outcome.version, position: outcome.position };
}
