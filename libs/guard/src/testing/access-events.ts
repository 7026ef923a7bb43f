import { hashTokenData } from '#domain';
import type { IndexableEvent } from '../access-index/access-state.js';

export const ENV = '12345';
export const CONNECTOR = 'c1';
export const GROUP = 'g1';
export const USER = '12345.jdoe';
export const TOKEN_DATA = '0123456789ABCDEF'.repeat(4);
export const TOKEN_XML = `<token><version>1</version><data>${TOKEN_DATA}</data></token>`;
export const AUTHORIZATION = `AfasToken ${Buffer.from(TOKEN_XML).toString('base64')}`;

const ref = { environmentId: ENV, appConnectorId: CONNECTOR };

/** Domain events as the store records them, numbered in order from `start`. */
export function positioned(events: readonly Omit<IndexableEvent, 'position'>[], start = 1): IndexableEvent[] {
  return events.map((event, i) => ({ ...event, position: start + i }));
}

export const e = {
  environment: (environmentId = ENV) => ({ type: 'EnvironmentRegistered', data: { environmentId, name: 'Acme', environmentKeyHash: 'x' } }),
  userRegistered: (userId = USER) => ({ type: 'UserRegistered', data: { environmentId: ENV, userId, email: 'jdoe@example.com', name: 'J. Doe', kind: 'person' } }),
  userDeactivated: (userId = USER) => ({ type: 'UserDeactivated', data: { environmentId: ENV, userId } }),
  userReactivated: (userId = USER) => ({ type: 'UserReactivated', data: { environmentId: ENV, userId } }),
  groupCreated: (groupId = GROUP) => ({ type: 'UserGroupCreated', data: { environmentId: ENV, groupId, name: 'Webshop users' } }),
  member: (userId = USER, groupId = GROUP) => ({ type: 'UserGroupMemberAdded', data: { environmentId: ENV, groupId, userId } }),
  memberRemoved: (userId = USER, groupId = GROUP) => ({ type: 'UserGroupMemberRemoved', data: { environmentId: ENV, groupId, userId } }),
  created: () => ({
    type: 'AppConnectorCreated',
    data: { ...ref, apiKey: 'k'.repeat(32), description: 'Webshop', userGroupId: GROUP, userGroupCreatedWithConnector: false, blocked: true },
  }),
  unblocked: () => ({ type: 'AppConnectorUnblocked', data: ref }),
  blocked: () => ({ type: 'AppConnectorBlocked', data: ref }),
  archived: () => ({ type: 'AppConnectorArchived', data: ref }),
  groupAssigned: (userGroupId: string) => ({ type: 'AppConnectorUserGroupAssigned', data: { ...ref, userGroupId } }),
  getGranted: (...names: string[]) => ({ type: 'GetConnectorsGranted', data: { ...ref, names } }),
  getRevoked: (name: string) => ({ type: 'GetConnectorRevoked', data: { ...ref, name } }),
  updateGranted: (...names: string[]) => ({ type: 'UpdateConnectorsGranted', data: { ...ref, names } }),
  specialAdded: (...names: string[]) => ({ type: 'SpecialConnectorsAdded', data: { ...ref, names } }),
  ipAdded: (restrictionId: string, access: 'allow' | 'deny', cidr: string) => ({
    type: 'IpRestrictionAdded',
    data: { ...ref, restrictionId, access, cidr, family: cidr.includes(':') ? 'ipv6' : 'ipv4' },
  }),
  ipRemoved: (restrictionId: string, cidr: string) => ({ type: 'IpRestrictionRemoved', data: { ...ref, restrictionId, cidr } }),
  token: (tokenId = 't1', data = TOKEN_DATA, userId = USER, expiresAt: string | null = null) => ({
    type: 'TokenGenerated',
    data: { ...ref, tokenId, userId, description: 'laptop', tokenHash: hashTokenData(data), tokenHint: '…CDEF', expiresAt },
  }),
  tokenRotated: (expiresAt: string, newTokenId = 't2', tokenId = 't1', data = TOKEN_DATA) => ({
    type: 'TokenRotated',
    data: { ...ref, tokenId, userId: USER, tokenHash: hashTokenData(data), newTokenId, expiresAt },
  }),
  rateLimit: (limit: { requestsPerSecond: number; burst: number } | null) => ({ type: 'RateLimitSet', data: { ...ref, limit } }),
  tokenRevoked: (tokenId = 't1', userId = USER, data = TOKEN_DATA) => ({
    type: 'TokenRevoked',
    data: { ...ref, tokenId, userId, tokenHash: hashTokenData(data) },
  }),
};

/** A live connector: environment, group with one member, unblocked, granted Profit_Article / KnSubject / AppConnectorSubject, one token. */
export const liveConnector = () => [
  e.environment(),
  e.groupCreated(),
  e.member(),
  e.created(),
  e.getGranted('Profit_Article'),
  e.updateGranted('KnSubject'),
  e.specialAdded('AppConnectorSubject'),
  e.unblocked(),
  e.token(),
];
