import { Agent, request as httpRequest } from 'node:http';
import { ADMIN_KEY } from '../support/test-app.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { base64, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';

describe('POST /api/v1/verify', () => {
  let app: GuardedApp;
  let ready: ReadyConnector;
  beforeAll(async () => {
    app = await startGuardedApp();
    ready = await readyConnector(app.admin());
    await app.caughtUp();
  });
  afterAll(() => app.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    environmentId: ready.environmentId,
    token: ready.token,
    clientIp: '203.0.113.7',
    connector: { kind: 'get', name: 'Profit_Article' },
    ...overrides,
  });

  it('answers who the token belongs to, for the XML text and its base64 form alike', async () => {
    for (const token of [ready.token, base64(ready.token)]) {
      const response = await app.admin().post('/api/v1/verify').send(body({ token })).expect(200);
      expect(response.body).toEqual({ valid: true, code: 'allowed', appConnectorId: ready.id, userId: ready.userId, tokenId: ready.tokenId });
    }
  });

  it.each([
    ['an unknown token', { token: `<token><version>1</version><data>${'C'.repeat(64)}</data></token>` }, 'token_unknown'],
    ['a malformed token', { token: 'hello' }, 'token_malformed'],
    ['an empty token', { token: '' }, 'token_missing'],
  ])('answers valid=false for %s', async (_, overrides, code) => {
    const response = await app.admin().post('/api/v1/verify').send(body(overrides)).expect(200);
    expect(response.body).toEqual({ valid: false, code, appConnectorId: null, userId: null, tokenId: null });
  });

  /** The token's last use as the token list shows it. */
  const lastUsedAt = async (): Promise<string | null> => {
    const tokens = `/api/v1/environments/${ready.environmentId}/app-connectors/${ready.id}/tokens`;
    const listed = await app.admin().get(tokens).expect(200);
    return listed.body.items.find((t: { id: string }) => t.id === ready.tokenId).lastUsedAt;
  };

  /** A refused call names a valid token, and must not count as its use. */
  const expectNoUseRecorded = async (refusedCall: () => Promise<unknown>) => {
    const before = await lastUsedAt();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await refusedCall();
    expect(await lastUsedAt()).toBe(before);
  };

  it('records the use as the token\'s last-used time, shown in the token list', async () => {
    const before = Date.now();
    await app.admin().post('/api/v1/verify').send(body()).expect(200);
    expect(Date.parse((await lastUsedAt())!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('needs the admin key', async () => {
    await expectNoUseRecorded(async () => {
      const response = await app.anonymous().post('/api/v1/verify').send(body()).expect(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  it.each([
    ['a body that is no JSON', 'application/json', () => '{"environmentId": '],
    ['a valid body sent as another type', 'text/plain', () => JSON.stringify(body())],
  ])('answers a call without a valid admin key with 401 before reading %s', async (_, contentType, raw) => {
    await expectNoUseRecorded(async () => {
      for (const authorization of [undefined, 'Bearer not-the-admin-key']) {
        const call = app.anonymous().post('/api/v1/verify').set('Content-Type', contentType);
        const response = await (authorization === undefined ? call : call.set('Authorization', authorization)).send(raw()).expect(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    });
  });

  it('checks the admin key of every call on a keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = (authorization: string | undefined) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const payload = JSON.stringify(body());
        const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
        if (authorization !== undefined) headers.authorization = authorization;
        const outgoing = httpRequest(`${app.url}/api/v1/verify`, { method: 'POST', agent, headers }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: outgoing.reusedSocket }));
        });
        outgoing.on('error', reject).end(payload);
      });
    const sameLengthWrongKey = `${ADMIN_KEY.slice(0, -1)}${ADMIN_KEY.endsWith('x') ? 'y' : 'x'}`;
    try {
      const answers = [await call(`Bearer ${ADMIN_KEY}`)];
      // The refused calls name a valid token, and must not count as its use.
      await expectNoUseRecorded(async () => {
        for (const authorization of [`Bearer ${sameLengthWrongKey}`, `Bearer ${ADMIN_KEY}x`, undefined]) answers.push(await call(authorization));
      });
      answers.push(await call(`Bearer ${ADMIN_KEY}`));
      expect(answers.map((answer) => answer.status)).toEqual([200, 401, 401, 401, 200]);
      expect(answers.slice(1).every((answer) => answer.reused)).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it.each([
    ['an address that is none', { clientIp: '300.1.1.1' }, 'clientIp'],
    ['an unknown connector kind', { connector: { kind: 'metainfo', name: 'x' } }, 'connector.kind'],
    ['a missing environment', { environmentId: undefined }, 'environmentId'],
  ])('refuses %s with 400', async (_, overrides, field) => {
    await expectNoUseRecorded(async () => {
      const response = await app.admin().post('/api/v1/verify').send(body(overrides)).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  it.each([
    ['a body that is not JSON', 'application/json', '{"environmentId":'],
    ['no body', 'application/json', ''],
    ['a body that is not an object', 'text/plain', 'hello'],
  ])('refuses %s with 400 problem details', async (_, contentType, raw) => {
    const response = await app.admin().post('/api/v1/verify').set('Content-Type', contentType).send(raw).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, detail: expect.any(String), instance: expect.any(String) });
  });

  it.each(['__proto__', 'constructor'])('refuses an otherwise valid body with a %s key as an unknown field', async (key) => {
    const raw = JSON.stringify(body()).replace('{', `{"${key}":{"valid":true},`);
    await expectNoUseRecorded(async () => {
      const response = await app.admin().post('/api/v1/verify').set('Content-Type', 'application/json').send(raw).expect(400);
      expect(response.body.detail).toContain(key);
    });
  });

  it('is documented in OpenAPI with its request and answer schemas', async () => {
    const { body } = await app.anonymous().get('/docs-json').expect(200);
    const post = body.paths['/api/v1/verify'].post;
    expect(post.security).toEqual([{ admin: [] }]);
    expect(post.requestBody.content['application/json'].schema.required).toEqual(['environmentId', 'token', 'clientIp', 'connector']);
    expect(Object.keys(post.responses[200].content['application/json'].schema.properties)).toEqual(['valid', 'code', 'appConnectorId', 'userId', 'tokenId', 'retryAfterSeconds']);
  });
});
