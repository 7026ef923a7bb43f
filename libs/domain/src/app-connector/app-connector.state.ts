import { assertNever } from '../shared/decider.js';
import type { IpFamily } from '../ip/ip-address.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import type { RateLimit } from './app-connector.rate-limit.js';

export type IpAccess = 'allow' | 'deny';
export type GrantList = 'getConnectors' | 'updateConnectors' | 'specialConnectors';

export type IpRestriction = {
  readonly restrictionId: string;
  readonly access: IpAccess;
  readonly cidr: string;
  readonly family: IpFamily;
};

export type Token = {
  readonly tokenId: string;
  readonly userId: string;
  /** The device. */
  readonly description: string;
  readonly tokenHint: string;
  readonly tokenHash: string;
  readonly revoked: boolean;
  /** ISO time from which the token is refused; `null`: it does not expire. */
  readonly expiresAt: string | null;
};

/** A one-time password waiting for its validation; at most one per user. */
export type PendingOtp = {
  readonly requestId: string;
  readonly userId: string;
  /** The device the token will be for. */
  readonly description: string;
  readonly otpHash: string;
  readonly expiresAt: string;
  readonly failedAttempts: number;
};

export type AppConnector = {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly apiKey: string;
  readonly description: string;
  readonly userGroupId: string;
  readonly userGroupCreatedWithConnector: boolean;
  readonly blocked: boolean;
  /** Deleted: kept for its history, refused by the guard and by every command. */
  readonly archived: boolean;
  /** Each list sorted. */
  readonly getConnectors: readonly string[];
  readonly updateConnectors: readonly string[];
  readonly specialConnectors: readonly string[];
  /** In the order they were added. */
  readonly ipRestrictions: readonly IpRestriction[];
  /** In the order they were generated, revoked ones included. */
  readonly tokens: readonly Token[];
  /** Days a newly generated token stays valid unless it names its own expiry; `null`: no expiry. */
  readonly tokenValidityDays: number | null;
  /** The guard's limit of the connector's calls; `null`: none. */
  readonly rateLimit: RateLimit | null;
  /** One per user at most: a newer request replaces the older; accepted or locked ones are gone. */
  readonly pendingOtps: readonly PendingOtp[];
};

/** `null` until the connector is created. */
export type AppConnectorState = AppConnector | null;

export const initialAppConnectorState = (): AppConnectorState => null;

export function evolveAppConnector(state: AppConnectorState, event: AppConnectorEvent): AppConnectorState {
  if (event.type === 'AppConnectorCreated') {
    return { ...event.data, archived: false, getConnectors: [], updateConnectors: [], specialConnectors: [], ipRestrictions: [], tokens: [], tokenValidityDays: null, rateLimit: null, pendingOtps: [] };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'AppConnectorDescriptionChanged':
      return { ...state, description: event.data.description };
    case 'AppConnectorUserGroupAssigned':
      return { ...state, userGroupId: event.data.userGroupId };
    case 'AppConnectorBlocked':
      return { ...state, blocked: true };
    case 'AppConnectorUnblocked':
      return { ...state, blocked: false };
    case 'AppConnectorArchived':
      return { ...state, archived: true };
    case 'GetConnectorsGranted':
      return grant(state, 'getConnectors', event.data.names);
    case 'GetConnectorRevoked':
      return revoke(state, 'getConnectors', event.data.name);
    case 'UpdateConnectorsGranted':
      return grant(state, 'updateConnectors', event.data.names);
    case 'UpdateConnectorRevoked':
      return revoke(state, 'updateConnectors', event.data.name);
    case 'SpecialConnectorsAdded':
      return grant(state, 'specialConnectors', event.data.names);
    case 'SpecialConnectorRemoved':
      return revoke(state, 'specialConnectors', event.data.name);
    case 'IpRestrictionAdded': {
      const { restrictionId, access, cidr, family } = event.data;
      return { ...state, ipRestrictions: [...state.ipRestrictions, { restrictionId, access, cidr, family }] };
    }
    case 'IpRestrictionRemoved':
      return {
        ...state,
        ipRestrictions: state.ipRestrictions.filter((r) => r.restrictionId !== event.data.restrictionId),
      };
    case 'TokenGenerated': {
      const { tokenId, userId, description, tokenHint, tokenHash, expiresAt = null } = event.data;
      return { ...state, tokens: [...state.tokens, { tokenId, userId, description, tokenHint, tokenHash, revoked: false, expiresAt }] };
    }
    case 'TokenRevoked':
      return {
        ...state,
        tokens: state.tokens.map((t) => (t.tokenId === event.data.tokenId ? { ...t, revoked: true } : t)),
      };
    case 'TokenRotated':
      return {
        ...state,
        tokens: state.tokens.map((t) => (t.tokenId === event.data.tokenId ? { ...t, expiresAt: event.data.expiresAt } : t)),
      };
    case 'TokenValiditySet':
      return { ...state, tokenValidityDays: event.data.days };
    case 'RateLimitSet':
      return { ...state, rateLimit: event.data.limit };
    case 'OtpRequested': {
      const { requestId, userId, description, otpHash, expiresAt } = event.data;
      return { ...state, pendingOtps: [...withoutOtpOf(state, userId), { requestId, userId, description, otpHash, expiresAt, failedAttempts: 0 }] };
    }
    case 'OtpAttemptFailed': {
      const { requestId, failedAttempts, locked } = event.data;
      if (locked) return { ...state, pendingOtps: state.pendingOtps.filter((otp) => otp.requestId !== requestId) };
      return { ...state, pendingOtps: state.pendingOtps.map((otp) => (otp.requestId === requestId ? { ...otp, failedAttempts } : otp)) };
    }
    case 'OtpAccepted':
      return { ...state, pendingOtps: state.pendingOtps.filter((otp) => otp.requestId !== event.data.requestId) };
    default:
      return assertNever(event);
  }
}

const withoutOtpOf = (state: AppConnector, userId: string) => state.pendingOtps.filter((otp) => otp.userId !== userId);

/** A grant list after granting `names`: no duplicates, sorted. Read models keep their lists the same way. */
export const grantedWith = (granted: readonly string[], names: readonly string[]): string[] => [...new Set([...granted, ...names])].sort();

export const grantedWithout = (granted: readonly string[], name: string): string[] => granted.filter((candidate) => candidate !== name);

const grant = (state: AppConnector, list: GrantList, names: readonly string[]): AppConnector => ({
  ...state,
  [list]: grantedWith(state[list], names),
});

const revoke = (state: AppConnector, list: GrantList, name: string): AppConnector => ({
  ...state,
  [list]: grantedWithout(state[list], name),
});

export const connectorRef = (state: AppConnector) => ({
  environmentId: state.environmentId,
  appConnectorId: state.appConnectorId,
});
