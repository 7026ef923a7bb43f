import { environmentDecider, environmentStreamName, hashSecret } from '#domain';
import type { CommandContext } from '../commands/command-context.js';
import { executeCommand } from '../commands/execute-command.js';
import { hex, type UseCaseDeps, type Written } from './use-case-deps.js';

export interface EnvironmentRegistration extends Written {
  readonly environmentId: string;
  readonly name: string;
  /** 32 hex, shown once: the `apiToken` of the one-time-password flow. Only its hash is stored. */
  readonly environmentKey: string;
}

export async function registerEnvironment(
  deps: UseCaseDeps,
  input: { environmentId: string; name: string },
  context: CommandContext,
): Promise<EnvironmentRegistration> {
  const environmentKey = hex(deps.runtime.randomBytes(16));
  const outcome = await executeCommand(
    deps.store,
    environmentStreamName(input.environmentId),
    environmentDecider,
    { type: 'RegisterEnvironment', data: { ...input, environmentKeyHash: hashSecret(environmentKey) } },
    context,
    deps.runtime.now(),
  );
  const state = outcome.state!;
  return { environmentId: state.environmentId, name: state.name, environmentKey, version: outcome.version, position: outcome.position };
}
