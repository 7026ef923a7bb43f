import { conflict, invalid, notFound, ruleViolated } from '../shared/domain-error.js';
import { requireLocalId, requireLowerHex, requireText } from '../shared/validation.js';
import type { GenerateToken, RevokeToken, SetTokenValidity } from './app-connector.commands.js';
import type { TokenGenerated, TokenRevoked, TokenValiditySet } from './app-connector.events.js';
import { connectorRef, type AppConnector, type Token } from './app-connector.state.js';

/** A default validity of at most ten years: beyond it a token that "expires" in practice never does. */
export const MAX_TOKEN_VALIDITY_DAYS = 3650;
const DAY_MS = 86_400_000;

/** Not revoked and not expired at `nowMs`: the device's token, which the guard accepts. */
export const isLiveAt = (token: Token, nowMs: number) => !token.revoked && (token.expiresAt === null || Date.parse(token.expiresAt) > nowMs);

/** `rotating`: the id of the token this one replaces in a rotation, which may stay live beside it. */
export function generateToken(data: GenerateToken['data'], state: AppConnector, rotating?: string): TokenGenerated[] {
  const tokenId = requireLocalId(data.tokenId, 'tokenId');
  const description = requireText(data.description, 'description', 255);
  const tokenHash = requireLowerHex(data.tokenHash, 'tokenHash', 64);
  const tokenHint = requireText(data.tokenHint, 'tokenHint', 16);
  const expiresAt = tokenExpiry(data, state);
  if (!data.userIsMember) {
    throw ruleViolated(
      'user_not_in_user_group',
      `user ${data.userId} is not a member of user group ${state.userGroupId} of this app connector`,
      'userId',
    );
  }
  if (state.tokens.some((t) => t.tokenId === tokenId)) {
    throw conflict('token_id_taken', `token ${tokenId} already exists`, 'tokenId');
  }
  const nowMs = Date.parse(data.now);
  const live = state.tokens.find((t) => t.tokenId !== rotating && t.userId === data.userId && t.description === description && isLiveAt(t, nowMs));
  if (live !== undefined) {
    throw conflict(
      'token_exists_for_device',
      `user ${data.userId} already has a token for device "${description}" on this app connector; ` +
        `revoke the old token (${live.tokenId}) first`,
      'description',
    );
  }
  const generated = { tokenId, userId: data.userId, description, tokenHash, tokenHint, expiresAt };
  return [{ type: 'TokenGenerated', data: { ...connectorRef(state), ...generated } }];
}

/** The token's own expiry (after `now`), else `now` plus the connector's default validity, else none; as ISO text. */
function tokenExpiry({ now, expiresAt }: Pick<GenerateToken['data'], 'now' | 'expiresAt'>, state: AppConnector): string | null {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw invalid('now_invalid', 'now must be an ISO time', 'now');
  if (expiresAt === undefined || expiresAt === null) {
    return state.tokenValidityDays === null ? null : new Date(nowMs + state.tokenValidityDays * DAY_MS).toISOString();
  }
  const expiresAtMs = Date.parse(expiresAt);
  if (Number.isNaN(expiresAtMs)) throw invalid('expiresAt_invalid', 'expiresAt must be an ISO time', 'expiresAt');
  if (expiresAtMs <= nowMs) throw ruleViolated('expiresAt_not_in_future', `expiresAt ${expiresAt} is not after now (${now})`, 'expiresAt');
  return new Date(expiresAtMs).toISOString();
}

export function revokeToken(data: RevokeToken['data'], state: AppConnector): TokenRevoked[] {
  const token = state.tokens.find((t) => t.tokenId === data.tokenId);
  if (token === undefined) throw notFound('token_not_found', `token ${data.tokenId} does not exist`);
  if (token.revoked) return [];
  return [{ type: 'TokenRevoked', data: { ...connectorRef(state), tokenId: token.tokenId, userId: token.userId, tokenHash: token.tokenHash } }];
}

export function setTokenValidity({ days }: SetTokenValidity['data'], state: AppConnector): TokenValiditySet[] {
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_VALIDITY_DAYS)) {
    throw invalid('days_invalid', `days must be a whole number from 1 to ${MAX_TOKEN_VALIDITY_DAYS}, or null`, 'days');
  }
  return days === state.tokenValidityDays ? [] : [{ type: 'TokenValiditySet', data: { ...connectorRef(state), days } }];
}
