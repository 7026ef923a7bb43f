import { conflict, invalid, notFound, ruleViolated } from '../shared/domain-error.js';
import type { RotateToken } from './app-connector.commands.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { connectorRef, type AppConnector } from './app-connector.state.js';
import { generateToken, isLiveAt } from './app-connector.tokens.js';

/** The longest overlap: a client that has not picked up its new token in 30 days is not rotating. */
export const MAX_ROTATION_OVERLAP_SECONDS = 30 * 86_400;

/**
 * A new token for the rotated token's user and device, shown once, beside the old one; the old one
 * stays valid until the overlap ends (its expiry moves forward to then, never later), and is then
 * refused as expired with no event. One rotation per device at a time: while two tokens of the
 * device are live, neither can be rotated.
 */
export function rotateToken(data: RotateToken['data'], state: AppConnector): AppConnectorEvent[] {
  const { overlapSeconds } = data;
  if (!(Number.isInteger(overlapSeconds) && overlapSeconds >= 0 && overlapSeconds <= MAX_ROTATION_OVERLAP_SECONDS)) {
    throw invalid('overlapSeconds_invalid', `overlapSeconds must be a whole number from 0 to ${MAX_ROTATION_OVERLAP_SECONDS}`, 'overlapSeconds');
  }
  const nowMs = Date.parse(data.now);
  if (Number.isNaN(nowMs)) throw invalid('now_invalid', 'now must be an ISO time', 'now');
  const old = state.tokens.find((t) => t.tokenId === data.tokenId);
  if (old === undefined) throw notFound('token_not_found', `token ${data.tokenId} does not exist`);
  if (old.revoked) throw ruleViolated('token_revoked', `token ${old.tokenId} is revoked; generate a new one instead`);
  if (!isLiveAt(old, nowMs)) throw ruleViolated('token_expired', `token ${old.tokenId} has expired; generate a new one instead`);
  const overlapping = state.tokens.find((t) => t !== old && t.userId === old.userId && t.description === old.description && isLiveAt(t, nowMs));
  if (overlapping !== undefined) {
    throw conflict(
      'token_rotation_in_progress',
      `device "${old.description}" of ${old.userId} is in a rotation (tokens ${old.tokenId} and ${overlapping.tokenId} are both valid); ` +
        'wait until its overlap ends or revoke one of them',
    );
  }
  const overlapEndMs = nowMs + overlapSeconds * 1000;
  const oldExpiresAt = old.expiresAt !== null && Date.parse(old.expiresAt) < overlapEndMs ? old.expiresAt : new Date(overlapEndMs).toISOString();
  const { newTokenId, tokenHash, tokenHint, userIsMember, now } = data;
  const issued = generateToken(
    { tokenId: newTokenId, userId: old.userId, description: old.description, tokenHash, tokenHint, userIsMember, now },
    state,
    old.tokenId,
  );
  return [
    {
      type: 'TokenRotated',
      data: { ...connectorRef(state), tokenId: old.tokenId, userId: old.userId, tokenHash: old.tokenHash, newTokenId, expiresAt: oldExpiresAt },
    },
    ...issued,
  ];
}
