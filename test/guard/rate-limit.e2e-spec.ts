import { expectRefusedWithoutChange } from '../admin-api/refusals.js';
import { TestClock } from '../support/test-clock.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { GET_CONNECTOR, hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';
import { startUpstream, type Upstream } from './support/upstream-server.js';

describe('rate limit per app connector', () => {
  const clock = new TestClock();
  let upstream: Upstream;
  let app: GuardedApp;
  beforeAll(async () => {
    upstream = await startUpstream();
    app = await startGuardedApp({ UPSTREAM_URL: upstream.url }, { runtime: clock.runtime });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  const call = (ready: ReadyConnector) =>
    app.anonymous().get(`/ProfitRestServices/connectors/${GET_CONNECTOR}`).set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization);
  const verify = (ready: ReadyConnector) =>
    app.admin().post('/api/v1/verify').send({ environmentId: ready.environmentId, token: ready.token, clientIp: '203.0.113.7', connector: { kind: 'get', name: GET_CONNECTOR } }).expect(200);
  const limit = async (ready: ReadyConnector, body: object) => {
    const set = await app.admin().put(`${ready.base}/rate-limit`).send(body).expect(200);
    await app.caughtUp();
    return set;
  };

  it('sets a limit, shown in the answer and on the connector, and lifts it', async () => {
    const ready = await readyConnector(app.admin());
    const set = await limit(ready, { requestsPerSecond: 5, burst: 10 });
    expect(set.body.rateLimit).toEqual({ requestsPerSecond: 5, burst: 10 });
    const shown = await app.admin().get(`${ready.base}?minPosition=${set.body.position}`).expect(200);
    expect(shown.body.rateLimit).toEqual({ requestsPerSecond: 5, burst: 10 });
    const defaulted = await limit(ready, { requestsPerSecond: 2.5 });
    expect(defaulted.body.rateLimit).toEqual({ requestsPerSecond: 2.5, burst: 3 });
    const lifted = await app.admin().delete(`${ready.base}/rate-limit`).expect(200);
    expect(lifted.body.rateLimit).toBeNull();
    const again = await app.admin().delete(`${ready.base}/rate-limit`).expect(200);
    expect(again.body.version).toBe(lifted.body.version);
  });

  it("refuses the call beyond the burst with 429, Retry-After and Profit's body, forwards nothing, and allows again once the bucket refills", async () => {
    const ready = await readyConnector(app.admin());
    await limit(ready, { requestsPerSecond: 1, burst: 2 });
    const forwardedBefore = upstream.calls.length;
    await call(ready).expect(207);
    await call(ready).expect(207);
    const refused = await call(ready).expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body).toEqual({ externalMessage: expect.stringMatching(/rate limit/), errorNumber: expect.any(Number), profitLogReference: expect.any(String) });
    expect(upstream.calls.length).toBe(forwardedBefore + 2);
    expect(app.logs()).toContain(`"code":"rate_limited"`);
    expect((await verify(ready)).body).toEqual({ valid: false, code: 'rate_limited', appConnectorId: ready.id, userId: ready.userId, tokenId: ready.tokenId, retryAfterSeconds: 1 });

    clock.advance(1000);
    await call(ready).expect(207);
    expect(upstream.calls.length).toBe(forwardedBefore + 3);
  });

  it('limits each connector on its own, and not at all once lifted', async () => {
    const limited = await readyConnector(app.admin());
    const other = await readyConnector(app.admin(), limited.environmentId);
    await limit(limited, { requestsPerSecond: 1, burst: 1 });
    await call(limited).expect(207);
    await call(limited).expect(429);
    for (let i = 0; i < 5; i++) await call(other).expect(207);
    await app.admin().delete(`${limited.base}/rate-limit`).expect(200);
    await app.caughtUp();
    for (let i = 0; i < 5; i++) await call(limited).expect(207);
  });

  it.each([
    ['no body', undefined],
    ['zero per second', { requestsPerSecond: 0 }],
    ['a negative rate', { requestsPerSecond: -1, burst: 1 }],
    ['a fractional burst', { requestsPerSecond: 1, burst: 1.5 }],
    ['a burst of 0', { requestsPerSecond: 1, burst: 0 }],
    ['a rate as text', { requestsPerSecond: '10' }],
    ['an unknown field', { requestsPerSecond: 1, window: 60 }],
  ])('refuses %s with 400 and a reason, changing nothing', async (_, body) => {
    const ready = await readyConnector(app.admin());
    await expectRefusedWithoutChange(app, () => app.admin().put(`${ready.base}/rate-limit`).send(body), 400);
    await app.caughtUp();
    for (let i = 0; i < 3; i++) await call(ready).expect(207);
  });

  it('answers 409 for a deleted connector and 404 for an unknown one, writing nothing', async () => {
    const ready = await readyConnector(app.admin());
    await app.admin().delete(ready.base).expect(200);
    const deleted = await expectRefusedWithoutChange(app, () => app.admin().put(`${ready.base}/rate-limit`).send({ requestsPerSecond: 1 }), 409);
    expect(deleted.body.code).toBe('app_connector_archived');
    await expectRefusedWithoutChange(app, () => app.admin().put(`/api/v1/environments/${ready.environmentId}/app-connectors/nope/rate-limit`).send({ requestsPerSecond: 1 }), 404);
  });
});
