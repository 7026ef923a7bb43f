import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';

const FORWARD_AUTH_KEY = 'e2e-forward-auth-key-0123';
const INVALID_TOKEN = 'Token is not valid or not correctly applied';

interface Forwarded {
  readonly form?: 'traefik' | 'nginx';
  /** The original call's method, URI (path and query) and host. */
  readonly method?: string;
  readonly uri?: string;
  readonly host?: string;
  /** The client's header; `null` for none. Defaults to the connector's token. */
  readonly authorization?: string | null;
  readonly forwardedFor?: string;
  /** `null` for no key header. */
  readonly key?: string | null;
  /** The method of the proxy's own call to forward-auth. */
  readonly via?: 'get' | 'head' | 'post';
}

/** The call a reverse proxy makes for one client call, in Traefik's or nginx's header names. */
function forwardAuth(app: GuardedApp, ready: ReadyConnector, options: Forwarded = {}) {
  const { form = 'traefik', method = 'GET', uri = '/ProfitRestServices/connectors/Profit_Article?skip=0&take=10' } = options;
  let call = app.anonymous()[options.via ?? 'get']('/api/v1/forward-auth');
  call = form === 'traefik' ? call.set('X-Forwarded-Method', method).set('X-Forwarded-Uri', uri) : call.set('X-Original-Method', method).set('X-Original-URI', uri);
  call = call.set('X-Forwarded-Host', options.host ?? hostOf(ready.environmentId));
  const authorization = options.authorization === undefined ? ready.authorization : options.authorization;
  if (authorization !== null) call = call.set('Authorization', authorization);
  if (options.forwardedFor !== undefined) call = call.set('X-Forwarded-For', options.forwardedFor);
  const key = options.key === undefined ? FORWARD_AUTH_KEY : options.key;
  return key === null ? call : call.set('X-Forward-Auth-Key', key);
}

/** The same client call made to the Profit surface itself. */
function profitCall(app: GuardedApp, ready: ReadyConnector, options: Forwarded = {}) {
  const { method = 'GET', uri = '/ProfitRestServices/connectors/Profit_Article?skip=0&take=10' } = options;
  let call = app.anonymous()[method === 'POST' ? 'post' : 'get'](uri).set('Host', options.host ?? hostOf(ready.environmentId));
  const authorization = options.authorization === undefined ? ready.authorization : options.authorization;
  if (authorization !== null) call = call.set('Authorization', authorization);
  return options.forwardedFor === undefined ? call : call.set('X-Forwarded-For', options.forwardedFor);
}

async function lastUsedAt(app: GuardedApp, ready: ReadyConnector): Promise<string | null> {
  const listed = await app.admin().get(`${ready.base}/tokens`).expect(200);
  return listed.body.items.find((t: { id: string }) => t.id === ready.tokenId).lastUsedAt;
}

/** A refusal decides nothing that lasts: no event appended, no use of the token counted. */
async function expectNothingRecorded(app: GuardedApp, ready: ReadyConnector, refusedCall: () => Promise<unknown>) {
  const head = await app.headPosition();
  const used = await lastUsedAt(app, ready);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await refusedCall();
  expect(await app.headPosition()).toBe(head);
  expect(await lastUsedAt(app, ready)).toBe(used);
}

const profitBody = (externalMessage: string) => ({ externalMessage, errorNumber: -1, profitLogReference: expect.any(String) });

describe('GET /api/v1/forward-auth from a trusted proxy with the key', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    // 127.0.0.1 is the test client's socket: it plays the proxy.
    app = await startGuardedApp({ TRUSTED_PROXIES: '127.0.0.1/32', FORWARD_AUTH_KEY });
  });
  afterAll(() => app.close());

  async function ready() {
    const connector = await readyConnector(app.admin());
    await app.caughtUp();
    return connector;
  }

  it('allows a granted call in Traefik\'s headers: 200, no body, the token\'s identity, its use counted', async () => {
    const connector = await ready();
    const before = Date.now();
    const response = await forwardAuth(app, connector).expect(200);
    expect(response.text).toBe('');
    expect(response.headers).toMatchObject({ 'x-app-connector-id': connector.id, 'x-user-id': connector.userId, 'x-environment-id': connector.environmentId });
    expect(Date.parse((await lastUsedAt(app, connector))!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('allows a granted call in nginx\'s headers, with the environment as a path prefix', async () => {
    const connector = await ready();
    const uri = `/${connector.environmentId}/ProfitRestServices/connectors/KnSubject`;
    const response = await forwardAuth(app, connector, { form: 'nginx', method: 'POST', uri, host: 'gateway.internal' }).expect(200);
    expect(response.headers['x-app-connector-id']).toBe(connector.id);
  });

  it.each(['head', 'post'] as const)('answers the same to %s, as nginx sends the original method', async (via) => {
    const connector = await ready();
    const response = await forwardAuth(app, connector, { via }).expect(200);
    expect(response.headers['x-user-id']).toBe(connector.userId);
    await forwardAuth(app, connector, { via, authorization: null }).expect(401);
  });

  it('takes the client address from X-Forwarded-For as the guard reads it', async () => {
    const connector = await ready();
    await app.admin().post(`${connector.base}/ip-restrictions`).send({ access: 'allow', address: '203.0.113.7' }).expect(201);
    await app.caughtUp();
    await forwardAuth(app, connector, { forwardedFor: '203.0.113.7' }).expect(200);
    await forwardAuth(app, connector, { forwardedFor: '203.0.113.7, 198.51.100.1' }).expect(403);
  });

  describe('refuses as the Profit surface does, recording nothing', () => {
    const refusals: readonly [string, (connector: ReadyConnector) => Promise<Forwarded>, number, string][] = [
      ['no token', async () => ({ authorization: null }), 401, INVALID_TOKEN],
      ['a revoked token', async (c) => {
        await app.admin().delete(`${c.base}/tokens/${c.tokenId}`).expect(200);
        return {};
      }, 401, INVALID_TOKEN],
      ['a blocked connector', async (c) => {
        await app.admin().post(`${c.base}/block`).expect(200);
        return {};
      }, 403, 'App connector is blocked'],
      ['a connector that is not granted', async () => ({ uri: '/ProfitRestServices/connectors/Profit_Employee' }), 401, 'valid token but no access to this endpoint'],
      ['an update of a GetConnector', async () => ({ method: 'POST', uri: '/ProfitRestServices/connectors/Profit_Article' }), 401, 'valid token but no access to this endpoint'],
      ['a client address the IP restrictions exclude', async (c) => {
        await app.admin().post(`${c.base}/ip-restrictions`).send({ access: 'allow', address: '203.0.113.7' }).expect(201);
        return { forwardedFor: '198.51.100.1' };
      }, 403, 'Forbidden; Due to IP restrictions'],
      ['a token of another environment', async () => ({ host: hostOf('99999') }), 401, INVALID_TOKEN],
      ['a FileConnector download without AppConnectorSubject (Profit\'s 404)', async (c) => {
        await app.admin().delete(`${c.base}/special-connectors/AppConnectorSubject`).expect(200);
        return { uri: '/ProfitRestServices/fileconnector/ABC/a_2Bb.pdf' };
      }, 404, 'The file does not exist or may not be read'],
    ];

    it.each(refusals)('%s', async (_, arrange, status, message) => {
      const connector = await ready();
      const options = await arrange(connector);
      await app.caughtUp();
      await expectNothingRecorded(app, connector, async () => {
        for (const form of ['traefik', 'nginx'] as const) {
          const response = await forwardAuth(app, connector, { ...options, form }).expect(status);
          expect(response.headers['content-type']).toContain('application/json');
          expect(response.body).toEqual(profitBody(message));
          expect(response.headers['x-app-connector-id']).toBeUndefined();
        }
      });
      const direct = await profitCall(app, connector, options);
      expect({ status: direct.status, externalMessage: direct.body.externalMessage }).toEqual({ status, externalMessage: message });
    });
  });

  it.each([
    ['a dot segment', '/ProfitRestServices/connectors/Profit_Article/../NotGranted'],
    ['an encoded slash', '/ProfitRestServices/connectors/Profit_Article%2F..%2FNotGranted'],
    ['a backslash', '/ProfitRestServices/connectors/Profit_Article\\..\\NotGranted'],
    ['double encoding', '/ProfitRestServices/connectors/Profit_Article/%252e%252e/NotGranted'],
    ['an absolute URI', 'http://evil.example/ProfitRestServices/connectors/Profit_Article'],
  ])('refuses a hostile path (%s) with 400 in Profit\'s shape', async (_, uri) => {
    const connector = await ready();
    await expectNothingRecorded(app, connector, async () => {
      const response = await forwardAuth(app, connector, { uri }).expect(400);
      expect(response.body).toEqual(profitBody(expect.stringContaining('path is not accepted')));
    });
  });

  it.each([
    ['no original method', { method: '' }, 400, 'method'],
    ['an original method no Profit route serves', { method: 'PROPFIND' }, 400, 'method'],
    ['no original URI', { uri: '' }, 400, 'URI'],
    ['a path outside the Profit surface', { uri: '/api/v1/environments' }, 404, 'Unknown endpoint'],
    ['a host that names no environment', { host: 'localhost' }, 404, 'Unknown environment'],
  ])('refuses %s in Profit\'s shape', async (_, options: Forwarded, status, message) => {
    const connector = await ready();
    const response = await forwardAuth(app, connector, options).expect(status);
    expect(response.body).toEqual(profitBody(expect.stringContaining(message)));
  });

  it.each([
    ['no key', null],
    ['a wrong key', `${FORWARD_AUTH_KEY.slice(0, -1)}x`],
    ['the admin key', 'e2e-admin-key-0123456789'],
  ])('refuses a caller with %s: 403 problem+json, nothing decided', async (_, key) => {
    const connector = await ready();
    await expectNothingRecorded(app, connector, async () => {
      const response = await forwardAuth(app, connector, { key }).expect(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 403, detail: expect.stringContaining('X-Forward-Auth-Key') });
      expect(response.headers['x-app-connector-id']).toBeUndefined();
    });
  });

  it("answers the connector's rate limit with 429 and Retry-After, recording nothing but the count", async () => {
    const connector = await ready();
    await app.admin().put(`${connector.base}/rate-limit`).send({ requestsPerSecond: 0.001, burst: 1 }).expect(200);
    await app.caughtUp();
    await forwardAuth(app, connector).expect(200);
    await expectNothingRecorded(app, connector, async () => {
      const response = await forwardAuth(app, connector).expect(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(900);
      expect(response.headers['x-app-connector-id']).toBeUndefined();
      expect(response.body).toEqual(profitBody('Too many requests: the rate limit of the app connector is reached'));
    });
    const usage = await app.admin().get(`${connector.base}/usage`).expect(200);
    expect(usage.body.totals).toEqual({ allowed: 1, refused: 1, refusedBy: { rate_limited: 1 } });
  });

  it('does not take the admin key in Authorization instead of the client\'s token', async () => {
    const connector = await ready();
    const response = await forwardAuth(app, connector, { authorization: 'Bearer e2e-admin-key-0123456789' }).expect(401);
    expect(response.body).toEqual(profitBody(INVALID_TOKEN));
  });

  it('is documented in OpenAPI', async () => {
    const { body } = await app.anonymous().get('/docs-json').expect(200);
    const get = body.paths['/api/v1/forward-auth'].get;
    expect(get.security).toEqual([{ forwardAuthKey: [] }]);
    expect(Object.keys(get.responses[200].headers)).toEqual(['X-App-Connector-Id', 'X-User-Id', 'X-Environment-Id']);
    expect(body.components.securitySchemes.forwardAuthKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-Forward-Auth-Key' });
  });
});

describe('GET /api/v1/forward-auth from a peer that is not a trusted proxy', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({ TRUSTED_PROXIES: '10.0.0.0/8', FORWARD_AUTH_KEY });
  });
  afterAll(() => app.close());

  it('refuses with 403 problem+json even with the key, deciding nothing', async () => {
    const connector = await readyConnector(app.admin());
    await app.caughtUp();
    await expectNothingRecorded(app, connector, async () => {
      const response = await forwardAuth(app, connector, { forwardedFor: '10.1.1.1' }).expect(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.detail).toContain('TRUSTED_PROXIES');
    });
    expect(app.logs()).not.toContain('profit access');
  });
});

describe('GET /api/v1/forward-auth without FORWARD_AUTH_KEY', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({ TRUSTED_PROXIES: '127.0.0.1/32' });
  });
  afterAll(() => app.close());

  it('is not there', async () => {
    const connector = await readyConnector(app.admin());
    await app.caughtUp();
    await forwardAuth(app, connector).expect(404);
    await forwardAuth(app, connector).set('Authorization', 'Bearer e2e-admin-key-0123456789').expect(404);
  });
});
