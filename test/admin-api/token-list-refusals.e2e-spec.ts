import { startGuardedApp, type GuardedApp } from '../guard/support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from '../guard/support/profit-fixtures.js';
import { TestClock } from '../support/test-clock.js';

describe('the token list says how the guard refuses each token', () => {
  const clock = new TestClock();
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({}, { runtime: clock.runtime });
  });
  afterAll(() => app.close());

  const listed = async (ready: ReadyConnector, position: number) => {
    await app.caughtUp();
    const { body } = await app.admin().get(`${ready.base}/tokens?minPosition=${position}`).expect(200);
    return body.items as { id: string; status: string; refusal: string | null }[];
  };
  const refusalOf = async (ready: ReadyConnector, position: number, tokenId = ready.tokenId) => (await listed(ready, position)).find((token) => token.id === tokenId)?.refusal;
  const metaInfo = async (ready: ReadyConnector) =>
    (await app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization)).body;
  const userPath = (ready: ReadyConnector) => `/api/v1/environments/${ready.environmentId}/users/${ready.userId}`;

  it('null while the guard accepts the token; user_deactivated while its user is, null again once reactivated', async () => {
    const ready = await readyConnector(app.admin());
    expect(await refusalOf(ready, await app.headPosition())).toBeNull();
    const deactivated = await app.admin().post(`${userPath(ready)}/deactivate`).expect(200);
    expect(await refusalOf(ready, deactivated.body.position)).toBe('user_deactivated');
    expect((await metaInfo(ready)).profitLogReference).toBeDefined();
    const reactivated = await app.admin().post(`${userPath(ready)}/reactivate`).expect(200);
    expect(await refusalOf(ready, reactivated.body.position)).toBeNull();
    expect((await metaInfo(ready)).info.envid).toBe(ready.environmentId);
  });

  it('not_in_user_group once its user left the group, token_revoked once revoked, with status revoked', async () => {
    const ready = await readyConnector(app.admin());
    const removed = await app.admin().delete(`/api/v1/environments/${ready.environmentId}/user-groups/${ready.groupId}/members/${ready.userId}`).expect(200);
    expect(await refusalOf(ready, removed.body.position)).toBe('not_in_user_group');
    const revoked = await app.admin().delete(`${ready.base}/tokens/${ready.tokenId}`).expect(200);
    expect((await listed(ready, revoked.body.position)).find((token) => token.id === ready.tokenId)).toMatchObject({ status: 'revoked', refusal: 'token_revoked' });
  });

  it('connector_archived for every token of a deleted connector', async () => {
    const ready = await readyConnector(app.admin());
    const second = await app.admin().post(`${ready.base}/tokens`).send({ userId: ready.userId, description: 'phone' }).expect(201);
    const deleted = await app.admin().delete(ready.base).expect(200);
    expect((await listed(ready, deleted.body.position)).map((token) => [token.id, token.status, token.refusal])).toEqual([
      [ready.tokenId, 'live', 'connector_archived'],
      [second.body.id, 'live', 'connector_archived'],
    ]);
  });

  it('token_expired once the guard clock passed its expiry, with status still live', async () => {
    const ready = await readyConnector(app.admin());
    const expiresAt = new Date(clock.runtime.now().getTime() + 3_600_000).toISOString();
    const issued = await app.admin().post(`${ready.base}/tokens`).send({ userId: ready.userId, description: 'tablet', expiresAt }).expect(201);
    const position = await app.headPosition();
    expect(await refusalOf(ready, position, issued.body.id)).toBeNull();
    clock.advance(3_600_000);
    expect((await listed(ready, position)).find((token) => token.id === issued.body.id)).toMatchObject({ status: 'live', refusal: 'token_expired' });
    expect(await refusalOf(ready, position)).toBeNull();
  });
});
