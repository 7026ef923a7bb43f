import type { AppConnectorRef, Token } from '#domain';
import type { AccessGranted, TokenOwner } from '../decision/access-decision.js';

/** Few fields per token, the ids held by `owner` and `granted` only: the index holds every token of every connector. */
export interface IndexedToken {
  readonly revoked: boolean;
  /** Epoch milliseconds from which the token is refused (Infinity: never), parsed once here so the decision compares numbers. */
  readonly expiresAtMs: number;
  /** Who the token belongs to, built once when indexed: refusals hand it out as it is. */
  readonly owner: TokenOwner;
  /** The decision that allows a call with this token, built once when indexed (the hot path allocates nothing for it). */
  readonly granted: AccessGranted;
}

/**
 * Brings `byHash` in step with a connector whose token list went from `before` to `after`. The
 * domain's fold keeps an unchanged token as the same object, so comparing the lists place by place
 * finds what changed without a scan of the index: tokens that left a place are removed first, then
 * those that took one are (re)indexed, which also keeps a token that only moved.
 */
export function reindexTokens(byHash: Map<string, IndexedToken>, connector: AppConnectorRef, before: readonly Token[], after: readonly Token[]): void {
  if (before === after) return;
  for (let i = 0; i < before.length; i++) {
    const left = before[i]!;
    if (i >= after.length || after[i] !== left) byHash.delete(left.tokenHash);
  }
  for (let i = 0; i < after.length; i++) {
    const taken = after[i]!;
    if (i >= before.length || before[i] !== taken) byHash.set(taken.tokenHash, indexedToken(connector, taken));
  }
}

function indexedToken({ environmentId, appConnectorId }: AppConnectorRef, { tokenId, userId, description, revoked, expiresAt }: Token): IndexedToken {
  const owner: TokenOwner = Object.freeze({ tokenId, environmentId, appConnectorId, userId, device: description });
  const expiresAtMs = expiresAt === null ? Infinity : Date.parse(expiresAt);
  const granted: AccessGranted = Object.freeze({ ...owner, allowed: true as const, code: 'allowed' as const, expiresAt });
  return Object.freeze({ revoked, expiresAtMs, owner, granted });
}
