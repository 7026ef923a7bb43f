import type { TokenGenerated, TokenRevoked } from '#domain';
import type { RecordedEvent } from '#event-store';
import { evolveDocument } from '../../projection/positioned-document.js';
import type { Projection } from '../../projection/projection.js';
import type { ReadTransaction } from '../../store/read-store.port.js';
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
      // TokenRevoked names the token by id only; the hash is found through the connector's index.
      const hash = await hashOf(tx, event.data);
      if (hash === null) return;
      await evolveDocument<TokenDocument>(tx, TOKENS, hash, recorded, (current) =>
        current === null ? 'unchanged' : { ...current, status: 'revoked', revokedAt: time, revokedBy: actor },
      );
    },
  };
}

async function hashOf(tx: ReadTransaction, { environmentId, appConnectorId, tokenId }: TokenRevoked['data']): Promise<string | null> {
  const { items } = await tx.find<TokenDocument>(TOKENS, { where: { environmentId, appConnectorId, tokenId }, limit: 1 });
  return items[0]?._id ?? null;
}
