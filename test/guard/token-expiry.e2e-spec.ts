import { expectRefusedWithoutChange } from '../admin-api/refusals.js';
import { TestClock } from '../support/test-clock.js';
import { connectorSetup } from '../support/fixtures.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { afasHeader, GET_CONNECTOR, hostOf } from './support/profit-fixtures.js';

const DAY_MS = 86_400_000;

describe('token validity period', () => {
  const clock = new TestClock();
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({}, { runtime: clock.runtime });
  });
  afterAll(() => app.close());


  /** An unblocked connector granted GET_CONNECTOR, with a user in its group and no token yet. */
  async function grantedConnector() {
    const setup = await connectorSetup(app.admin());
    await app.admin().post(`${setup.base}/get-connectors`).send({ names: [GET_CONNECTOR] }).expect(200);
    await app.admin().post(`${setup.base}/unblock`).expect(200);
    return setup;
  }
  type Setup = Awaited<ReturnType<typeof grantedConnector>>;

  const metaInfo = (setup: Setup, token: string) =>
    app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(setup.environmentId)).set('Authorization', afasHeader(token));
  const verify = (setup: Setup, token: string) =>
    app.admin().post('/api/v1/verify').send({ environmentId: setup.environmentId, token, clientIp: '203.0.113.7', connector: { kind: 'get', name: GET_CONNECTOR } }).expect(200);
  const listed = async (setup: Setup, position: number) =>
    (await app.admin().get(`${setup.base}/tokens?minPosition=${position}`).expect(200)).body.items as { id: string; expiresAt: string | null; status: string }[];
  const inDays = (days: number) => new Date(clock.runtime.now().getTime() + days * DAY_MS);

  it('issues a token with its own expiry, shown in the answer, the token list and MetaInfo, and refuses it from then on as expired', async () => {
    const setup = await grantedConnector();
    const expiresAt = new Date(Math.ceil(inDays(2).getTime() / 1000) * 1000).toISOString();
    const issued = await app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'laptop', expiresAt }).expect(201);
    expect(issued.body).toMatchObject({ expiresAt, token: expect.any(String) });
    const { token } = issued.body as { token: string };
    expect(await listed(setup, issued.body.position)).toEqual([expect.objectContaining({ id: issued.body.id, expiresAt, status: 'live' })]);
    await app.caughtUp();
    const allowed = await metaInfo(setup, token).expect(200);
    expect(allowed.body.info.tokenExpiry).toBe(expiresAt);
    expect((await verify(setup, token)).body).toMatchObject({ valid: true, code: 'allowed' });

    const head = await app.headPosition();
    clock.advance(Date.parse(expiresAt) - clock.runtime.now().getTime());
    const refused = await metaInfo(setup, token).expect(401);
    expect(refused.body).toEqual({ externalMessage: 'Token has expired', errorNumber: expect.any(Number), profitLogReference: expect.any(String) });
    expect((await verify(setup, token)).body).toEqual({ valid: false, code: 'token_expired', appConnectorId: setup.id, userId: setup.userId, tokenId: issued.body.id });
    expect(app.logs()).toContain('"code":"token_expired"');
    // Expiry is judged by the clock: nothing is written when it passes.
    expect(await app.headPosition()).toBe(head);
  });

  it('shows null tokenExpiry in MetaInfo for a token that does not expire', async () => {
    const setup = await grantedConnector();
    const issued = await app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'laptop' }).expect(201);
    expect(issued.body.expiresAt).toBeNull();
    await app.caughtUp();
    clock.advance(400 * DAY_MS);
    expect((await metaInfo(setup, issued.body.token).expect(200)).body.info.tokenExpiry).toBeNull();
  });

  it.each([
    ['in the past', () => new Date(clock.runtime.now().getTime() - 1000).toISOString(), 422, 'expiresAt_not_in_future'],
    ['now', () => clock.runtime.now().toISOString(), 422, 'expiresAt_not_in_future'],
    ['not a time', () => 'next week', 400, undefined],
    ['a time without offset', () => '2030-01-01T00:00:00', 400, undefined],
  ])('refuses an expiry %s with a reason, writing nothing', async (_, expiresAt, status, code) => {
    const setup = await grantedConnector();
    const refused = await expectRefusedWithoutChange(
      app,
      () => app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'laptop', expiresAt: expiresAt() }),
      status,
    );
    if (code) expect(refused.body.code).toBe(code);
    expect(JSON.stringify(refused.body)).toContain('expiresAt');
  });

  it("sets the connector's token validity for tokens generated afterwards, leaving earlier tokens as they were", async () => {
    const setup = await grantedConnector();
    const earlier = await app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'laptop' }).expect(201);
    const set = await app.admin().put(`${setup.base}/token-validity`).set('If-Match', String(earlier.body.version)).send({ days: 30 }).expect(200);
    expect(set.body).toMatchObject({ tokenValidityDays: 30, version: earlier.body.version + 1 });
    expect(set.headers.etag).toBe(`"${set.body.version}"`);
    const before = inDays(30).getTime();
    const later = await app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'phone' }).expect(201);
    const expiry = Date.parse(later.body.expiresAt);
    expect(expiry).toBeGreaterThanOrEqual(before);
    expect(expiry).toBeLessThanOrEqual(inDays(30).getTime());
    const tokens = await listed(setup, later.body.position);
    expect(tokens.map((t) => [t.id, t.expiresAt])).toEqual([[earlier.body.id, null], [later.body.id, later.body.expiresAt]]);
    const shown = await app.admin().get(`${setup.base}?minPosition=${later.body.position}`).expect(200);
    expect(shown.body.tokenValidityDays).toBe(30);

    await app.caughtUp();
    clock.advance(31 * DAY_MS);
    await metaInfo(setup, earlier.body.token).expect(200);
    await metaInfo(setup, later.body.token).expect(401);

    const cleared = await app.admin().put(`${setup.base}/token-validity`).send({ days: null }).expect(200);
    expect(cleared.body.tokenValidityDays).toBeNull();
    const afterClear = await app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'tablet' }).expect(201);
    expect(afterClear.body.expiresAt).toBeNull();
  });

  it('changes nothing when the validity is set to what it is, and refuses bad days, a stale If-Match and an unknown connector', async () => {
    const setup = await grantedConnector();
    const first = await app.admin().put(`${setup.base}/token-validity`).send({ days: 7 }).expect(200);
    const again = await app.admin().put(`${setup.base}/token-validity`).send({ days: 7 }).expect(200);
    expect(again.body.version).toBe(first.body.version);
    for (const days of [0, 3651, 1.5, '7']) {
      await expectRefusedWithoutChange(app, () => app.admin().put(`${setup.base}/token-validity`).send({ days }), 400);
    }
    await expectRefusedWithoutChange(app, () => app.admin().put(`${setup.base}/token-validity`).send({}), 400);
    await expectRefusedWithoutChange(
      app,
      () => app.admin().put(`${setup.base}/token-validity`).set('If-Match', String(first.body.version - 1)).send({ days: 8 }),
      412,
    );
    await expectRefusedWithoutChange(
      app,
      () => app.admin().put(`/api/v1/environments/${setup.environmentId}/app-connectors/nope/token-validity`).send({ days: 8 }),
      404,
    );
  });

  it('records the validity and the expiry in the connector history', async () => {
    const setup = await grantedConnector();
    await app.admin().put(`${setup.base}/token-validity`).send({ days: 14 }).expect(200);
    await app.admin().post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'laptop' }).expect(201);
    const history = await app.admin().get(`${setup.base}/history?limit=100`).expect(200);
    const items = history.body.items as { type: string; data: Record<string, unknown> }[];
    expect(items.find((item) => item.type === 'TokenValiditySet')?.data).toMatchObject({ days: 14 });
    expect(items.find((item) => item.type === 'TokenGenerated')?.data).toMatchObject({ expiresAt: expect.any(String) });
  });

  it('gives the quick path token the tokenValidityDays of its body', async () => {
    const { environmentId } = await connectorSetup(app.admin());
    const created = await app
      .admin()
      .post(`/api/v1/environments/${environmentId}/app-connectors`)
      .send({ description: 'Accountancy', createUserGroup: true, autoGenerateToken: true, tokenValidityDays: 10 })
      .expect(201);
    expect(created.body.tokenValidityDays).toBe(10);
    const expiry = Date.parse(created.body.token.expiresAt);
    expect(Math.abs(expiry - inDays(10).getTime())).toBeLessThan(5000);
  });

  it('refuses a quick path with bad tokenValidityDays before anything is written', async () => {
    const { environmentId } = await connectorSetup(app.admin());
    await expectRefusedWithoutChange(
      app,
      () => app.admin().post(`/api/v1/environments/${environmentId}/app-connectors`).send({ description: 'Accountancy', createUserGroup: true, tokenValidityDays: 0 }),
      400,
    );
  });
});
