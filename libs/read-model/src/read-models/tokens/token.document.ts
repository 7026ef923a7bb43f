import type { PositionedDocument } from '../../projection/positioned-document.js';

export const TOKENS = 'tokens';

export type TokenStatus = 'live' | 'revoked';

/**
 * One token, `_id` = the SHA-256 hash of its data (what the AfasToken guard computes from a
 * request), so that "which token is this" is one `get`. The id is a secret's fingerprint: never
 * let it leave the service (no API answer, no page cursor).
 */
export interface TokenDocument extends PositionedDocument {
  readonly tokenId: string;
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly userId: string;
  /** The device the token is for. */
  readonly description: string;
  /** Last characters of the token, for recognising it. */
  readonly hint: string;
  readonly status: TokenStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}
