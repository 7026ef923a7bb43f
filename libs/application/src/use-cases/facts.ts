import {
  APP_CONNECTOR_EVENT_TYPES,
  evolveAppConnector,
  type AppConnectorEvent,
  type AppConnectorState,
  environmentDecider,
  environmentStreamName,
  userDecider,
  userGroupDecider,
  userGroupStreamName,
  userStreamName,
} from '#domain';
import { loadState } from '../commands/execute-command.js';
import type { UseCaseDeps } from './use-case-deps.js';

/** Facts about other aggregates that a decider needs, read just before deciding. */
export async function environmentExists(deps: UseCaseDeps, environmentId: string): Promise<boolean> {
  return (await loadState(deps, environmentStreamName(environmentId), environmentDecider)).state !== null;
}

export async function userExists(deps: UseCaseDeps, userId: string): Promise<boolean> {
  return (await loadState(deps, userStreamName(userId), userDecider)).state !== null;
}

/** `null` also for a deleted group: no connector may be given it, and it has no members. */
export async function loadUserGroup(deps: UseCaseDeps, environmentId: string, groupId: string) {
  const group = (await loadState(deps, userGroupStreamName(environmentId, groupId), userGroupDecider)).state;
  return group?.deleted ? null : group;
}

/**
 * The app connectors of the environment, deleted ones left out, whose user group is `groupId`. No
 * stream names a group's connectors, so the whole log is read and each connector of the
 * environment folded by the domain's own evolve; deleting a group is rare enough for that.
 */
export async function appConnectorsUsingGroup(deps: UseCaseDeps, environmentId: string, groupId: string): Promise<string[]> {
  const connectors = new Map<string, AppConnectorState>();
  for (let after = 0; ; ) {
    const page = await deps.store.readAll({ after, maxCount: LOG_PAGE });
    for (const event of page) {
      if (!APP_CONNECTOR_EVENT_TYPES.has(event.type) || event.data['environmentId'] !== environmentId) continue;
      // The stored name tells the shape, as everywhere the log is read.
      const connectorEvent = event as unknown as AppConnectorEvent;
      const id = connectorEvent.data.appConnectorId;
      connectors.set(id, evolveAppConnector(connectors.get(id) ?? null, connectorEvent));
    }
    if (page.length < LOG_PAGE) break;
    after = page.at(-1)!.position;
  }
  return [...connectors.values()].flatMap((connector) => (connector && !connector.archived && connector.userGroupId === groupId ? [connector.appConnectorId] : []));
}

const LOG_PAGE = 1_000;
