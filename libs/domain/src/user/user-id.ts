import { LOCAL_ID_PATTERN } from '../shared/validation.js';

/** A user id is `{environmentId}.{local}`; environment ids hold no dots, so the first dot splits. */
export function environmentOfUserId(userId: string): string | null {
  const dot = userId.indexOf('.');
  return dot > 0 ? userId.slice(0, dot) : null;
}

export function isUserIdOfEnvironment(userId: string, environmentId: string): boolean {
  return environmentOfUserId(userId) === environmentId && LOCAL_ID_PATTERN.test(userId.slice(environmentId.length + 1));
}
