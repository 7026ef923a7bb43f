import { eventTypes, type AppConnectorEvent, type TokenGenerated, type TokenRevoked, type TokenRotated } from '#domain';
import type { ReadModel } from '../read-model.js';

/**
 * One token, stored under the SHA-256 hash of its data (what the guard computes from a request).
 * The hash is a secret's fingerprint: it is the storage id only, never part of the document, so no
 * answer or page cursor can carry it.
 */
export interface TokenDocument {
  readonly tokenId: string;
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly userId: string;
  /** The device the token is for. */
  readonly description: string;
  /** Last characters of the token, for recognising it. */
  readonly hint: string;
  readonly status: 'live' | 'revoked';
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  /** When the token stops being accepted; `null`: never. */
  readonly expiresAt: string | null;
  /** The token that replaced this one in a rotation; this one is valid until `expiresAt`. */
  readonly rotatedTo: string | null;
}

type TokenEvent = TokenGenerated | TokenRevoked | TokenRotated;

/** Of a connector's events, the token ones. */
const TYPES = eventTypes<AppConnectorEvent['type']>({
  TokenGenerated: true, TokenRevoked: true, AppConnectorCreated: false, AppConnectorDescriptionChanged: false,
  AppConnectorUserGroupAssigned: false, AppConnectorBlocked: false, AppConnectorUnblocked: false, GetConnectorsGranted: false,
  GetConnectorRevoked: false, UpdateConnectorsGranted: false, UpdateConnectorRevoked: false, SpecialConnectorsAdded: false,
  SpecialConnectorRemoved: false, IpRestrictionAdded: false, IpRestrictionRemoved: false,
  OtpRequested: false, OtpAttemptFailed: false, OtpAccepted: false, TokenValiditySet: false, TokenRotated: true, RateLimitSet: false,
  AppConnectorArchived: false,
});

const tokenEvent = (event: unknown) => event as TokenEvent;

export const tokensReadModel: ReadModel<TokenDocument> = {
  name: 'tokens',
  version: 3,
  handles: TYPES,
  documentId: (event) => tokenEvent(event).data.tokenHash,
  evolve(document, recorded) {
    const event = tokenEvent(recorded);
    const { time, actor } = recorded.metadata;
    if (event.type === 'TokenGenerated') {
      const { tokenId, environmentId, appConnectorId, userId, description, tokenHint, expiresAt = null } = event.data;
      const generated = { tokenId, environmentId, appConnectorId, userId, description, hint: tokenHint, createdAt: time, createdBy: actor, expiresAt };
      return { ...generated, status: 'live', revokedAt: null, revokedBy: null, rotatedTo: null };
    }
    if (event.type === 'TokenRotated') {
      return document === null ? null : { ...document, expiresAt: event.data.expiresAt, rotatedTo: event.data.newTokenId };
    }
    return document === null ? null : { ...document, status: 'revoked', revokedAt: time, revokedBy: actor };
  },
};
