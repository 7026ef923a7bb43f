import { userDecider, userStreamName, type UserKind } from '#domain';
import type { CommandContext } from '../commands/command-context.js';
import { executeCommand } from '../commands/execute-command.js';
import { environmentExists } from './facts.js';
import type { UseCaseDeps } from './use-case-deps.js';

export interface RegisterUserInput {
  readonly environmentId: string;
  readonly userId: string;
  readonly email: string | null;
  readonly name: string;
  readonly kind: UserKind;
}

export async function registerUser(deps: UseCaseDeps, input: RegisterUserInput, context: CommandContext) {
  const outcome = await executeCommand(
    deps.store,
    userStreamName(input.userId),
    userDecider,
    { type: 'RegisterUser', data: { ...input, environmentExists: await environmentExists(deps, input.environmentId) } },
    context,
    deps.runtime.now(),
  );
  return { ...outcome.state!, version: outcome.version, position: outcome.position };
}
