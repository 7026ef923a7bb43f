import type { DomainEvent } from '../shared/decider.js';
import { eventTypes } from '../shared/event-types.js';
import type { IpFamily } from '../ip/ip-address.js';
import type { RateLimit } from './app-connector.rate-limit.js';
import type { IpAccess } from './app-connector.state.js';

/** Every event names its connector, so that projections need not parse stream names. */
export type AppConnectorRef = { readonly environmentId: string; readonly appConnectorId: string };

type Event<Type extends string, Data extends object = object> = DomainEvent<Type, AppConnectorRef & Readonly<Data>>;

export type AppConnectorCreated = Event<
  'AppConnectorCreated',
  {
    apiKey: string;
    description: string;
    userGroupId: string;
    userGroupCreatedWithConnector: boolean;
    /** Always true: a new connector stays blocked until its configuration is complete. */
    blocked: true;
  }
>;
export type AppConnectorDescriptionChanged = Event<'AppConnectorDescriptionChanged', { description: string }>;
export type AppConnectorUserGroupAssigned = Event<'AppConnectorUserGroupAssigned', { userGroupId: string }>;
export type AppConnectorBlocked = Event<'AppConnectorBlocked'>;
export type AppConnectorUnblocked = Event<'AppConnectorUnblocked'>;
/** Deleted by an administrator: its tokens are refused from now on, and the connector takes no command again. */
export type AppConnectorArchived = Event<'AppConnectorArchived'>;

/** `names` holds only the names this event newly granted, sorted. */
export type GetConnectorsGranted = Event<'GetConnectorsGranted', { names: readonly string[] }>;
export type GetConnectorRevoked = Event<'GetConnectorRevoked', { name: string }>;
export type UpdateConnectorsGranted = Event<'UpdateConnectorsGranted', { names: readonly string[] }>;
export type UpdateConnectorRevoked = Event<'UpdateConnectorRevoked', { name: string }>;
export type SpecialConnectorsAdded = Event<'SpecialConnectorsAdded', { names: readonly string[] }>;
export type SpecialConnectorRemoved = Event<'SpecialConnectorRemoved', { name: string }>;

export type IpRestrictionAdded = Event<
  'IpRestrictionAdded',
  { restrictionId: string; access: IpAccess; cidr: string; family: IpFamily }
>;
export type IpRestrictionRemoved = Event<'IpRestrictionRemoved', { restrictionId: string; cidr: string }>;

export type TokenGenerated = Event<
  'TokenGenerated',
  {
    tokenId: string;
    userId: string;
    description: string;
    tokenHash: string;
    tokenHint: string;
    /** ISO time from which the token is refused; `null` never. Absent in events stored before tokens could expire. */
    expiresAt?: string | null;
  }
>;
/** Carries the revoked token's hash so that readers keyed by hash (the guard, the tokens read model) need no lookup. */
export type TokenRevoked = Event<'TokenRevoked', { tokenId: string; userId: string; tokenHash: string }>;

/**
 * `tokenId` was rotated: the `TokenGenerated` that follows carries `newTokenId`, and the old token
 * is valid until `expiresAt` (the overlap's end, or its own earlier expiry). Carries the old hash for
 * readers keyed by hash.
 */
export type TokenRotated = Event<'TokenRotated', { tokenId: string; userId: string; tokenHash: string; newTokenId: string; expiresAt: string }>;
/** How many days tokens generated from now on stay valid; `null`: they do not expire. */
export type TokenValiditySet = Event<'TokenValiditySet', { days: number | null }>;
/** The guard's limit of the connector's calls; `null`: none. */
export type RateLimitSet = Event<'RateLimitSet', { limit: RateLimit | null }>;

/** A one-time password was sent for a token for `description`; it voids an earlier pending one of the user. */
export type OtpRequested = Event<
  'OtpRequested',
  { requestId: string; userId: string; description: string; otpHash: string; expiresAt: string }
>;
/** A wrong password: `locked` once the attempts are used up, the request is then void. */
export type OtpAttemptFailed = Event<'OtpAttemptFailed', { requestId: string; userId: string; failedAttempts: number; locked: boolean }>;
/** The password was right; the `TokenGenerated` that follows it carries the token. */
export type OtpAccepted = Event<'OtpAccepted', { requestId: string; userId: string; tokenId: string }>;

export type AppConnectorEvent =
  | AppConnectorCreated
  | AppConnectorDescriptionChanged
  | AppConnectorUserGroupAssigned
  | AppConnectorBlocked
  | AppConnectorUnblocked
  | AppConnectorArchived
  | GetConnectorsGranted
  | GetConnectorRevoked
  | UpdateConnectorsGranted
  | UpdateConnectorRevoked
  | SpecialConnectorsAdded
  | SpecialConnectorRemoved
  | IpRestrictionAdded
  | IpRestrictionRemoved
  | TokenGenerated
  | TokenRevoked
  | TokenValiditySet
  | RateLimitSet
  | TokenRotated
  | OtpRequested
  | OtpAttemptFailed
  | OtpAccepted;

export const APP_CONNECTOR_EVENT_TYPES = eventTypes<AppConnectorEvent['type']>({
  AppConnectorCreated: true, AppConnectorDescriptionChanged: true, AppConnectorUserGroupAssigned: true,
  AppConnectorBlocked: true, AppConnectorUnblocked: true, GetConnectorsGranted: true, GetConnectorRevoked: true,
  UpdateConnectorsGranted: true, UpdateConnectorRevoked: true, SpecialConnectorsAdded: true,
  SpecialConnectorRemoved: true, IpRestrictionAdded: true, IpRestrictionRemoved: true, TokenGenerated: true,
  TokenRevoked: true, OtpRequested: true, OtpAttemptFailed: true, OtpAccepted: true,
  TokenValiditySet: true, TokenRotated: true, RateLimitSet: true,
  AppConnectorArchived: true,
});

export const appConnectorStreamName = (environmentId: string, appConnectorId: string) =>
  `app-connector-${environmentId}-${appConnectorId}`;
