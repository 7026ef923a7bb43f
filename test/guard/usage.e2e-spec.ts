import { TOKEN_USAGE, type TokenUsageTracker } from '#guard';
import { expectRefusedWithoutChange } from '../admin-api/refusals.js';
import { TestClock } from '../support/test-clock.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { afasHeader, GET_CONNECTOR, hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';

const HOUR_MS = 3_600_000;

describe('usage per connector and token', () => {
  const clock = new TestClock();
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({}, { runtime: clock.runtime });
  });
  afterAll(() => app.close());

  const metaInfo = (ready: ReadyConnector, authorization = ready.authorization) =>
    app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', authorization);
  const ungranted = (ready: ReadyConnector) =>
    app.anonymous().get('/ProfitRestServices/connectors/Profit_Debtor').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization);
  const verify = (ready: ReadyConnector) =>
    app.admin().post('/api/v1/verify').send({ environmentId: ready.environmentId, token: ready.token, clientIp: '203.0.113.7', connector: { kind: 'get', name: GET_CONNECTOR } }).expect(200);
  const usage = (ready: ReadyConnector, query = '') => app.admin().get(`${ready.base}/usage${query}`);
  const flush = () => app.app.get<TokenUsageTracker>(TOKEN_USAGE).flush();

  async function ready() {
    const connector = await readyConnector(app.admin());
    await app.caughtUp();
    return connector;
  }

  it('counts allowed calls and refusals by code per hour and token, the same before and after the batch is written', async () => {
    const connector = await ready();
    const hourStart = Math.floor(clock.runtime.now().getTime() / HOUR_MS) * HOUR_MS;
    await metaInfo(connector).expect(200);
    await metaInfo(connector).expect(200);
    await verify(connector);
    await ungranted(connector).expect(401);
    const before = await usage(connector).expect(200);
    await flush();
    const after = await usage(connector).expect(200);
    for (const answer of [before, after]) {
      expect(answer.body.totals).toEqual({ allowed: 3, refused: 1, refusedBy: { connector_not_granted: 1 } });
      expect(answer.body.hours).toEqual([{ hour: new Date(hourStart).toISOString(), allowed: 3, refused: 1, refusedBy: { connector_not_granted: 1 } }]);
      expect(answer.body.tokens).toEqual([
        { tokenId: connector.tokenId, allowed: 3, refused: 1, refusedBy: { connector_not_granted: 1 }, lastUsedAt: expect.any(String) },
      ]);
    }
  });

  it("keeps the token list's last-used consistent with the counts: it falls in the newest hour with allowed calls", async () => {
    const connector = await ready();
    await metaInfo(connector).expect(200);
    clock.advance(HOUR_MS);
    await ungranted(connector).expect(401);
    const answer = await usage(connector).expect(200);
    const tokens = await app.admin().get(`${connector.base}/tokens`).expect(200);
    const lastUsedAt = tokens.body.items[0].lastUsedAt as string;
    expect(answer.body.tokens[0].lastUsedAt).toBe(lastUsedAt);
    const allowedHours = (answer.body.hours as { hour: string; allowed: number }[]).filter((hour) => hour.allowed > 0);
    expect(allowedHours).toHaveLength(1);
    const newest = Date.parse(allowedHours[0]!.hour);
    expect(Date.parse(lastUsedAt)).toBeGreaterThanOrEqual(newest);
    expect(Date.parse(lastUsedAt)).toBeLessThan(newest + HOUR_MS);
    expect(answer.body.hours).toHaveLength(2);
  });

  it('counts a revoked token\'s refusals, not refusals that name no token, and only calls in the range asked for', async () => {
    const connector = await ready();
    const start = clock.runtime.now().toISOString();
    await metaInfo(connector).expect(200);
    await metaInfo(connector, afasHeader('<token><version>1</version><data>' + '0'.repeat(64) + '</data></token>')).expect(401);
    await metaInfo(connector, 'AfasToken not-base64!').expect(401);
    await app.admin().delete(`${connector.base}/tokens/${connector.tokenId}`).expect(200);
    await app.caughtUp();
    await metaInfo(connector).expect(401);
    expect((await usage(connector).expect(200)).body.totals).toEqual({ allowed: 1, refused: 1, refusedBy: { token_revoked: 1 } });
    clock.advance(2 * HOUR_MS);
    const later = clock.runtime.now().toISOString();
    expect((await usage(connector, `?from=${encodeURIComponent(later)}`).expect(200)).body).toMatchObject({ totals: { allowed: 0, refused: 0, refusedBy: {} }, hours: [], tokens: [] });
    const ranged = await usage(connector, `?from=${encodeURIComponent(start)}&to=${encodeURIComponent(later)}`).expect(200);
    expect(ranged.body.totals.allowed).toBe(1);
    expect(ranged.body.from).toBe(new Date(Math.floor(Date.parse(start) / HOUR_MS) * HOUR_MS).toISOString());
    expect(ranged.body.to).toBe(new Date((Math.floor(Date.parse(later) / HOUR_MS) + 1) * HOUR_MS).toISOString());
  });

  it.each([
    ['a malformed from', '?from=yesterday', 400],
    ['from after to', '?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 400],
    ['a range over 31 days', '?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', 400],
    ['an unknown parameter', '?since=2026-01-01T00:00:00Z', 400],
  ])('refuses %s with a reason', async (_, query, status) => {
    const connector = await ready();
    const refused = await expectRefusedWithoutChange(app, () => usage(connector, query), status);
    expect(refused.body.detail).toEqual(expect.any(String));
  });

  it('answers 404 for an unknown connector', async () => {
    const connector = await ready();
    await expectRefusedWithoutChange(app, () => app.admin().get(`/api/v1/environments/${connector.environmentId}/app-connectors/nope/usage`), 404);
  });
});
