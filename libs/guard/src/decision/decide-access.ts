import { hashTokenData, parseAfasToken, parseAfasTokenHeader } from '#domain';
import type { AccessLookup } from '../access-index/access-state.js';
import type { IndexedConnector } from '../access-index/indexed-connector.js';
import { includesSorted } from '../access-index/sorted.js';
import { REFUSALS, type AccessDecision, type AccessRequest, type ConnectorCall, type RefusalCode, type TokenOwner } from './access-decision.js';

const GRANTS = { get: 'getConnectors', update: 'updateConnectors', special: 'specialConnectors' } as const;

/**
 * The one access decision, shared by the Profit surface and the verify API. Checks in this order
 * and answers with the first that fails: the token (present, base64, well-formed, known, live, not expired at
 * `request.now`), its environment, the connector not deleted, its user not deactivated, its user's
 * membership of the connector's user group, the connector's block, the IP restrictions, the grant of
 * the called connector.
 *
 * The token is looked up by its SHA-256 in a Map: a known and an unknown token cost the same hash and
 * one lookup, and no secret is compared character by character.
 */
export function decideAccess(index: AccessLookup, request: AccessRequest): AccessDecision {
  const presented = typeof request.authorizationHeader === 'string' ? parseAfasTokenHeader(request.authorizationHeader) : parseAfasToken(request.token);
  if (!presented.ok) return refuse(`token_${presented.reason}`, null);
  const token = index.tokenByHash(hashTokenData(presented.data));
  const owner = token?.owner;
  const connector = owner && index.connector(owner.environmentId, owner.appConnectorId);
  if (token === undefined || owner === undefined || connector === undefined) return refuse('token_unknown', null);
  if (token.revoked) return refuse('token_revoked', owner);
  if (request.now >= token.expiresAtMs) return refuse('token_expired', owner);
  if (owner.environmentId !== request.environmentId || !index.hasEnvironment(request.environmentId)) {
    return refuse('wrong_environment', owner);
  }
  const ownerRefused = ownerRefusal(index, connector, owner);
  if (ownerRefused !== null) return refuse(ownerRefused, owner);
  if (connector.blocked) return refuse('connector_blocked', owner);
  if (!connector.ipRules.permits(request.clientAddress)) return refuse('ip_restricted', owner);
  if (!isGranted(connector, request.connector)) return refuse('connector_not_granted', owner);
  return token.granted;
}

/**
 * What refuses a live token, whatever it calls, for its connector and its user: the connector
 * deleted, the user deactivated or no longer in the connector's user group. The token list shows it.
 */
export function ownerRefusal(index: AccessLookup, connector: IndexedConnector, owner: Pick<TokenOwner, 'environmentId' | 'userId'>): RefusalCode | null {
  if (connector.archived) return 'connector_archived';
  if (index.isDeactivated(owner.userId)) return 'user_deactivated';
  if (!index.isMember(owner.environmentId, connector.userGroupId, owner.userId)) return 'not_in_user_group';
  return null;
}

function isGranted(connector: IndexedConnector, call: ConnectorCall): boolean {
  return call.kind === 'metainfo' || includesSorted(connector[GRANTS[call.kind]], call.name);
}

function refuse(code: RefusalCode, owner: TokenOwner | null): AccessDecision {
  return { allowed: false, code, ...REFUSALS[code], owner };
}
