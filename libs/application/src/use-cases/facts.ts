import {
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

export async function loadUserGroup(deps: UseCaseDeps, environmentId: string, groupId: string) {
  return (await loadState(deps, userGroupStreamName(environmentId, groupId), userGroupDecider)).state;
}
