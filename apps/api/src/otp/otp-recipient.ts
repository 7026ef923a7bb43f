import { timingSafeEqual } from 'node:crypto';
import { loadState, loadUserGroup, type UseCaseDeps } from '#application';
import { appConnectorDecider, appConnectorStreamName, environmentDecider, environmentStreamName, hashSecret, userDecider, userStreamName } from '#domain';

/** Who a token request is for, once every key matched. */
export interface OtpRecipient {
  readonly environmentId: string;
  readonly appConnectorId: string;
  /** The app connector's description: the e-mail's subject names it. */
  readonly connectorDescription: string;
  readonly userId: string;
  readonly email: string;
}

export interface OtpCredentials {
  readonly apiKey: string;
  readonly apiToken: string;
  readonly userId: string;
}

/** Finds a connector's id by its apiKey (the access index keeps that lookup). */
export type ConnectorByApiKey = (environmentId: string, apiKey: string) => string | undefined;

/**
 * The user a token request names, when the connector's apiKey, the environment key and the user
 * (by id or e-mail address, either in any case) all match a member of the connector's user group
 * who has an e-mail address and is not deactivated; otherwise null, for whichever reason (the caller must not learn which).
 */
export async function findOtpRecipient(
  deps: UseCaseDeps,
  connectorByApiKey: ConnectorByApiKey,
  environmentId: string,
  credentials: OtpCredentials,
): Promise<OtpRecipient | null> {
  const appConnectorId = connectorByApiKey(environmentId, credentials.apiKey);
  if (appConnectorId === undefined) return null;
  const environment = (await loadState(deps, environmentStreamName(environmentId), environmentDecider)).state;
  if (environment === null || !sameHex(environment.environmentKeyHash, hashSecret(credentials.apiToken))) return null;
  const connector = (await loadState(deps, appConnectorStreamName(environmentId, appConnectorId), appConnectorDecider)).state;
  // A deleted connector takes no token request: its tokens would be refused anyway.
  if (connector === null || connector.archived) return null;
  const members = (await loadUserGroup(deps, environmentId, connector.userGroupId))?.members ?? [];
  const user = await memberNamed(deps, members, credentials.userId);
  if (user === null || user.email === null || !user.active) return null;
  return { environmentId, appConnectorId, connectorDescription: connector.description, userId: user.userId, email: user.email };
}

async function memberNamed(deps: UseCaseDeps, members: readonly string[], name: string) {
  const wanted = name.toLowerCase();
  if (!wanted.includes('@')) {
    const userId = members.find((member) => member.toLowerCase() === wanted);
    return userId === undefined ? null : loadUser(deps, userId);
  }
  // By e-mail address: a group's members are read one by one (groups are small; no index of addresses is kept).
  for (const member of members) {
    const user = await loadUser(deps, member);
    if (user?.email?.toLowerCase() === wanted) return user;
  }
  return null;
}

const loadUser = async (deps: UseCaseDeps, userId: string) => (await loadState(deps, userStreamName(userId), userDecider)).state;

/** Constant time, so the comparison does not tell how much of a guessed key was right. */
function sameHex(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
