import { conflict, notFound, ruleViolated } from '../shared/domain-error.js';
import { requireLocalId, requireLowerHex, requireText } from '../shared/validation.js';
import type { GenerateToken, RevokeToken } from './app-connector.commands.js';
import type { TokenGenerated, TokenRevoked } from './app-connector.events.js';
import { connectorRef, type AppConnector } from './app-connector.state.js';

export function generateToken(data: GenerateToken['data'], state: AppConnector): TokenGenerated[] {
  const tokenId = requireLocalId(data.tokenId, 'tokenId');
  const description = requireText(data.description, 'description', 255);
  const tokenHash = requireLowerHex(data.tokenHash, 'tokenHash', 64);
  const tokenHint = requireText(data.tokenHint, 'tokenHint', 16);
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
  const live = state.tokens.find((t) => !t.revoked && t.userId === data.userId && t.description === description);
  if (live !== undefined) {
    throw conflict(
      'token_exists_for_device',
      `user ${data.userId} already has a token for device "${description}" on this app connector; ` +
        `revoke the old token (${live.tokenId}) first`,
      'description',
    );
  }
  const generated = { tokenId, userId: data.userId, description, tokenHash, tokenHint };
  return [{ type: 'TokenGenerated', data: { ...connectorRef(state), ...generated } }];
}

export function revokeToken(data: RevokeToken['data'], state: AppConnector): TokenRevoked[] {
  const token = state.tokens.find((t) => t.tokenId === data.tokenId);
  if (token === undefined) throw notFound('token_not_found', `token ${data.tokenId} does not exist`);
  if (token.revoked) return [];
  return [{ type: 'TokenRevoked', data: { ...connectorRef(state), tokenId: token.tokenId, userId: token.userId, tokenHash: token.tokenHash } }];
}
