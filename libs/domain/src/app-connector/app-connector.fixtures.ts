import type { CreateAppConnector, GenerateToken } from './app-connector.commands.js';
import type {
  AppConnectorCreated,
  AppConnectorEvent,
  AppConnectorUnblocked,
  IpRestrictionAdded,
  TokenGenerated,
  TokenValiditySet,
} from './app-connector.events.js';

/** Test data shared by the app connector specs. */
export const ref = { environmentId: '12345', appConnectorId: 'c-1' };
export const API_KEY = '0123456789abcdef0123456789abcdef';
export const TOKEN_HASH = 'b'.repeat(64);
export const NOW = '2026-03-01T10:00:00.000Z';

export const create = (data: Partial<CreateAppConnector['data']> = {}): CreateAppConnector => ({
  type: 'CreateAppConnector',
  data: {
    ...ref,
    apiKey: API_KEY,
    description: 'Webshop',
    userGroupId: 'webshop-users',
    userGroupExists: true,
    userGroupCreatedWithConnector: false,
    ...data,
  },
});

export const created: AppConnectorCreated = {
  type: 'AppConnectorCreated',
  data: {
    ...ref,
    apiKey: API_KEY,
    description: 'Webshop',
    userGroupId: 'webshop-users',
    userGroupCreatedWithConnector: false,
    blocked: true,
  },
};

export const unblocked: AppConnectorUnblocked = { type: 'AppConnectorUnblocked', data: ref };

/** Builds an event of this connector from its type and the data beyond the connector ref. */
const event = <E extends AppConnectorEvent>(type: E['type'], data: Omit<E['data'], keyof typeof ref>) =>
  ({ type, data: { ...ref, ...data } }) as E;

export const restrictionAdded = (restrictionId: string, access: 'allow' | 'deny', cidr: string) =>
  event<IpRestrictionAdded>('IpRestrictionAdded', { restrictionId, access, cidr, family: cidr.includes(':') ? 'ipv6' : 'ipv4' });

export const generate = (data: Partial<GenerateToken['data']> = {}): GenerateToken => ({
  type: 'GenerateToken',
  data: {
    tokenId: 't-1',
    userId: '12345.jdoe',
    description: 'iPhone',
    tokenHash: TOKEN_HASH,
    tokenHint: '…A1B2',
    userIsMember: true,
    now: NOW,
    ...data,
  },
});

export const tokenGenerated = (data: Partial<Omit<TokenGenerated['data'], keyof typeof ref>> = {}) =>
  event<TokenGenerated>('TokenGenerated', {
    tokenId: 't-1',
    userId: '12345.jdoe',
    description: 'iPhone',
    tokenHash: TOKEN_HASH,
    tokenHint: '…A1B2',
    expiresAt: null,
    ...data,
  });

export const tokenValiditySet = (days: number | null) => event<TokenValiditySet>('TokenValiditySet', { days });
