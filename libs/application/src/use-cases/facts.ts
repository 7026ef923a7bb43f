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
export async function environmentExists({ store }: UseCaseDeps, environmentId: string): Promise<boolean> {
  return (await loadState(store, environmentStreamName(environmentId), environmentDecider)).state !== null;
}

export async function userExists({ store }: UseCaseDeps, userId: string): Promise<boolean> {
  return (await loadState(store, userStreamName(userId), userDecider)).state !== null;
}

export async function loadUserGroup({ store }: UseCaseDeps, environmentId: string, groupId: string) {
  return (await loadState(store, userGroupStreamName(environmentId, groupId), userGroupDecider)).state;
}
