import type { ClientAddress } from '#domain';

export type ConnectorKind = 'get' | 'update' | 'special' | 'metainfo';

/** What is being called: a GetConnector, an UpdateConnector, a special connector, or MetaInfo and ProfitVersion (`metainfo`: no grant needed). */
export type ConnectorCall =
  | { readonly kind: 'get' | 'update' | 'special'; readonly name: string }
  | { readonly kind: 'metainfo' };

export interface AccessRequest {
  readonly environmentId: string;
  /** The `Authorization` header value as sent (`AfasToken {base64}`). */
  readonly authorizationHeader?: string | null;
  /** Instead of the header: the token text or its base64 form (the verify API). */
  readonly token?: string | null;
  /** `null` when unknown: IP restrictions then refuse. */
  readonly clientAddress: ClientAddress | null;
  readonly connector: ConnectorCall;
  /** Epoch milliseconds of the decision: a token expired by then is refused. */
  readonly now: number;
}

/** Each names the first check that failed. */
export type RefusalCode =
  | 'token_missing'
  | 'token_malformed'
  | 'token_plain'
  | 'token_unknown'
  | 'token_revoked'
  | 'token_expired'
  | 'wrong_environment'
  | 'not_in_user_group'
  | 'connector_archived'
  | 'user_deactivated'
  | 'connector_blocked'
  | 'ip_restricted'
  | 'connector_not_granted'
  | 'rate_limited';

/** Who the token belongs to, once it is known (for logs and the verify answer; never the token). */
export interface TokenOwner {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly userId: string;
  readonly tokenId: string;
  readonly device: string;
}

export type AccessGranted = TokenOwner & {
  readonly allowed: true;
  readonly code: 'allowed';
  /** ISO time from which the token is refused; `null`: never (MetaInfo's `tokenExpiry`). */
  readonly expiresAt: string | null;
};

export type AccessRefused = {
  readonly allowed: false;
  readonly status: RefusalStatus;
  readonly code: RefusalCode;
  /** The message a Profit client sees. */
  readonly externalMessage: string;
  readonly owner: TokenOwner | null;
  /** Set for `rate_limited` only: whole seconds until the connector's bucket holds a call again. */
  readonly retryAfterSeconds?: number;
};

export type RefusalStatus = 401 | 403 | 429;

export type AccessDecision = AccessGranted | AccessRefused;

const INVALID_TOKEN = 'Token is not valid or not correctly applied';

/**
 * Profit's own wording where it is published (protocol reference). The checks about the token's
 * environment and user group answer like an invalid token: a caller learns nothing more.
 */
export const REFUSALS: Readonly<Record<RefusalCode, { status: RefusalStatus; externalMessage: string }>> = {
  token_missing: { status: 401, externalMessage: INVALID_TOKEN },
  token_malformed: { status: 401, externalMessage: INVALID_TOKEN },
  token_plain: { status: 401, externalMessage: `${INVALID_TOKEN}: send it base64-encoded` },
  token_unknown: { status: 401, externalMessage: INVALID_TOKEN },
  token_revoked: { status: 401, externalMessage: INVALID_TOKEN },
  // Its holder can do something about it (ask for a new one), and an expired token is no secret's proof.
  token_expired: { status: 401, externalMessage: 'Token has expired' },
  wrong_environment: { status: 401, externalMessage: INVALID_TOKEN },
  not_in_user_group: { status: 401, externalMessage: INVALID_TOKEN },
  connector_archived: { status: 401, externalMessage: `${INVALID_TOKEN}: the app connector was deleted` },
  user_deactivated: { status: 401, externalMessage: `${INVALID_TOKEN}: the user is deactivated` },
  connector_blocked: { status: 403, externalMessage: 'App connector is blocked' },
  ip_restricted: { status: 403, externalMessage: 'Forbidden; Due to IP restrictions' },
  connector_not_granted: { status: 401, externalMessage: 'valid token but no access to this endpoint' },
  rate_limited: { status: 429, externalMessage: 'Too many requests: the rate limit of the app connector is reached' },
};
