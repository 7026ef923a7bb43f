import { appConnectorDecider, appConnectorStreamName, type AppConnectorCommand } from '#domain';
import type { CommandContext } from '../commands/command-context.js';
import { executeCommand } from '../commands/execute-command.js';
import { appConnectorView } from './app-connector-view.js';
import { loadUserGroup } from './facts.js';
import type { UseCaseDeps } from './use-case-deps.js';

/** Commands on an existing connector that need no facts from elsewhere, or only the group's existence. */
export type AppConnectorChange =
  | Exclude<AppConnectorCommand, { type: 'CreateAppConnector' | 'AssignUserGroup' | 'GenerateToken' | 'AddIpRestriction' }>
  | { type: 'AssignUserGroup'; data: { userGroupId: string } }
  | { type: 'AddIpRestriction'; data: { access: 'allow' | 'deny'; address: string; subnetMask?: string | null } };

export async function changeAppConnector(
  deps: UseCaseDeps,
  target: { environmentId: string; appConnectorId: string },
  change: AppConnectorChange,
  context: CommandContext,
) {
  const command = await withFacts(deps, target.environmentId, change);
  const outcome = await executeCommand(
    deps.store,
    appConnectorStreamName(target.environmentId, target.appConnectorId),
    appConnectorDecider,
    command,
    context,
    deps.runtime.now(),
  );
  return { connector: appConnectorView(outcome.state!, outcome), appended: outcome.appended, command };
}

async function withFacts(deps: UseCaseDeps, environmentId: string, change: AppConnectorChange): Promise<AppConnectorCommand> {
  switch (change.type) {
    case 'AssignUserGroup': {
      const group = await loadUserGroup(deps, environmentId, change.data.userGroupId);
      return { type: 'AssignUserGroup', data: { userGroupId: change.data.userGroupId, userGroupExists: group !== null } };
    }
    case 'AddIpRestriction':
      return { type: 'AddIpRestriction', data: { ...change.data, restrictionId: deps.runtime.newId() } };
    default:
      return change;
  }
}
