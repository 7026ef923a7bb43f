import { ENV, HASH_LAPTOP, HASH_SERVER, JDOE, WEBSHOP_USER } from '../testing/environment-history.js';
import { projectHistory, type ProjectedHistory } from '../testing/project-history.js';
import { TOKENS, type TokenDocument } from './token.document.js';
import { tokensProjection } from './tokens.projection.js';

describe('tokens read model (SQLite)', () => {
  let history: ProjectedHistory;
  beforeAll(async () => {
    history = await projectHistory(tokensProjection());
  });
  afterAll(() => history.close());
  const timeOf = (type: string, actor?: string) =>
    history.events.find((event) => event.type === type && (!actor || event.metadata.actor === actor))!.metadata.time;

  it('finds a token by its hash with one get, revoked or live', async () => {
    const laptop = await history.store.get<TokenDocument>(TOKENS, HASH_LAPTOP);
    expect(laptop).toMatchObject({
      tokenId: 't1', environmentId: ENV, appConnectorId: 'c1', userId: JDOE, description: 'Laptop', hint: '…1234',
      status: 'revoked', createdBy: 'alice', revokedAt: timeOf('TokenRevoked'), revokedBy: 'bob',
    });
    expect(await history.store.get<TokenDocument>(TOKENS, HASH_SERVER)).toMatchObject({
      tokenId: 't2', userId: WEBSHOP_USER, status: 'live', revokedAt: null, revokedBy: null,
    });
  });

  it('lists the tokens of one connector through its index', async () => {
    const { items } = await history.store.find<TokenDocument>(TOKENS, {
      where: { environmentId: ENV, appConnectorId: 'c1' },
      orderBy: { field: 'createdAt' },
    });
    expect(items.map((token) => [token.tokenId, token.status])).toEqual([['t1', 'revoked'], ['t2', 'live']]);
  });

  it('changes nothing when every event is applied a second time', async () => {
    const before = await history.all(TOKENS);
    await history.replay();
    expect(await history.all(TOKENS)).toEqual(before);
  });
});
