import type { TokenGenerated, TokenRevoked } from '#domain';
import type { RecordedEvent } from '#event-store';
import { evolveDocument } from '../../projection/positioned-document.js';
import type { Projection } from '../../projection/projection.js';
import { TOKENS, type TokenDocument } from './token.document.js';

/** Tokens by hash, for the guard, and per connector, for the admin list. */
export function tokensProjection(): Projection {
  return {
    name: 'tokens',
    version: 1,
    collections: [{ name: TOKENS, indexes: [['environmentId', 'appConnectorId', 'tokenId']] }],
    handles: (type) => type === 'TokenGenerated' || type === 'TokenRevoked',
    async apply(recorded: RecordedEvent, tx) {
      const event = recorded as unknown as TokenGenerated | TokenRevoked;
      const { time, actor } = recorded.metadata;
      if (event.type === 'TokenGenerated') {
        const { tokenHash, tokenId, environmentId, appConnectorId, userId, description, tokenHint } = event.data;
        await evolveDocument<TokenDocument>(tx, TOKENS, tokenHash, recorded, () => ({
          _id: tokenHash,
          tokenId,
          environmentId,
          appConnectorId,
          userId,
          description,
          hint: tokenHint,
          status: 'live',
          createdAt: time,
          createdBy: actor,
          revokedAt: null,
          revokedBy: null,
        }));
        return;
      }
      await evolveDocument<TokenDocument>(tx, TOKENS, event.data.tokenHash, recorded, (current) =>
        current === null ? 'unchanged' : { ...current, status: 'revoked', revokedAt: time, revokedBy: actor },
      );
    },
  };
}
