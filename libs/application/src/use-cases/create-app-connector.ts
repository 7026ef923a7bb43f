import { appConnectorDecider, appConnectorStreamName, type CreateAppConnector } from '#domain';
import type { CommandContext } from '../commands/command-context.js';
import { executeCommand } from '../commands/execute-command.js';
import { appConnectorView, type AppConnectorView } from './app-connector-view.js';
import { loadUserGroup } from './facts.js';
import { issueToken, type IssuedToken } from './generate-token.js';
import { registerUser } from './register-user.js';
import { changeMembership, createUserGroup } from './user-groups.js';
import { hex, type UseCaseDeps } from './use-case-deps.js';

export type CreateAppConnectorInput =
  | { readonly description: string; readonly userGroupId: string }
  | {
      readonly description: string;
      readonly createUserGroup: true;
      readonly autoGenerateToken?: boolean;
      /** The device the automatic token is for. */
      readonly tokenDescription?: string;
    };

export interface CreatedAppConnector extends AppConnectorView {
  readonly systemUserId?: string;
  readonly token?: IssuedToken;
}

/**
 * CreateAppConnector. The quick path (Profit's "create a user group based on the app connector
 * name") also creates that group, a system user in it and, if asked, the user's token.
 */
export async function createAppConnector(
  deps: UseCaseDeps,
  environmentId: string,
  input: CreateAppConnectorInput,
  context: CommandContext,
): Promise<CreatedAppConnector> {
  const appConnectorId = deps.runtime.newId();
  const command = (userGroupId: string, userGroupExists: boolean, withConnector: boolean): CreateAppConnector => ({
    type: 'CreateAppConnector',
    data: {
      environmentId,
      appConnectorId,
      apiKey: hex(deps.runtime.randomBytes(16)),
      description: input.description,
      userGroupId,
      userGroupExists,
      userGroupCreatedWithConnector: withConnector,
    },
  });
  const create = (c: CreateAppConnector) =>
    executeCommand(deps.store, appConnectorStreamName(environmentId, appConnectorId), appConnectorDecider, c, context, deps.runtime.now());

  if (!('createUserGroup' in input)) {
    const group = await loadUserGroup(deps, environmentId, input.userGroupId);
    const outcome = await create(command(input.userGroupId, group !== null, false));
    return appConnectorView(outcome.state!, outcome);
  }

  // Refuse a bad description before anything is written, so the quick path never leaves a lone group behind.
  appConnectorDecider.decide(command('pending', true, true), appConnectorDecider.initialState());
  const group = await createUserGroup(deps, { environmentId, name: input.description.trim() }, context);
  const systemUserId = `${environmentId}.${systemUserLocalPart(input.description, hex(deps.runtime.randomBytes(3)))}`;
  await registerUser(deps, { environmentId, userId: systemUserId, email: null, name: input.description.trim(), kind: 'system' }, context);
  await changeMembership(deps, { environmentId, groupId: group.groupId, userId: systemUserId, change: 'add' }, context);
  const outcome = await create(command(group.groupId, true, true));
  if (!input.autoGenerateToken) return { ...appConnectorView(outcome.state!, outcome), systemUserId };

  const { issued, connector, written } = await issueToken(
    deps,
    { environmentId, appConnectorId },
    { userId: systemUserId, description: input.tokenDescription ?? 'Generated with the app connector' },
    context,
  );
  return { ...appConnectorView(connector, written), systemUserId, token: issued };
}

/** `Webshop Koppeling!` → `webshop-koppeling-3fa9c1`: readable, and unique thanks to the suffix. */
function systemUserLocalPart(description: string, suffix: string): string {
  const slug = description.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return slug ? `${slug}-${suffix}` : `app-${suffix}`;
}
