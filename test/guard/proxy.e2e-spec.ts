import { request as httpRequest } from 'node:http';
import { registerEnvironment, uniqueEnvironmentId } from '../support/fixtures.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';
import { deadUpstreamUrl, startUpstream, type Upstream } from './support/upstream-server.js';

describe('forwarding allowed calls to the upstream', () => {
  let app: GuardedApp;
  let upstream: Upstream;
  let ready: ReadyConnector;
  const prefixed = uniqueEnvironmentId();
  const dead = uniqueEnvironmentId();

  beforeAll(async () => {
    upstream = await startUpstream();
    app = await startGuardedApp({
      UPSTREAM_URL: upstream.url,
      [`UPSTREAM_URL_${prefixed}`]: `${upstream.url}/base/`,
      [`UPSTREAM_URL_${dead}`]: await deadUpstreamUrl(),
      PROFIT_BODY_LIMIT_MB: '1',
    });
    ready = await readyConnector(app.admin());
    await app.caughtUp();
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  const call = (method: 'get' | 'post' | 'put' | 'delete', path: string, connector = ready) =>
    app.anonymous()[method](path).set('Host', hostOf(connector.environmentId)).set('Authorization', connector.authorization);

  it('forwards a GetConnector call with its query, without the token, with who was let through', async () => {
    const path = '/ProfitRestServices/connectors/Profit_Article?skip=0&take=100&filterfieldids=A%2CB&operatortypes=1';
    const response = await call('get', path).set('X-User-Id', 'forged').set('X-App-Connector-Id', 'forged').expect(207);
    expect(response.body).toEqual({ from: 'upstream', seen: upstream.calls.length });
    expect(response.headers['x-upstream']).toBe('yes');
    const seen = upstream.calls.at(-1)!;
    expect(seen).toMatchObject({ method: 'GET', url: path });
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('never forwards headers that make the upstream read another client, URL or method than the one decided on', async () => {
    const path = '/ProfitRestServices/connectors/Profit_Article';
    const forged = {
      'X-Forwarded-For': '1.2.3.4',
      'X-Forwarded-Host': 'evil.example',
      Forwarded: 'for=1.2.3.4',
      'X-Real-IP': '1.2.3.4',
      'X-Original-URL': '/ProfitRestServices/connectors/NotGranted',
      'X-Rewrite-URL': '/ProfitRestServices/connectors/NotGranted',
      'X-HTTP-Method-Override': 'DELETE',
      'X-Method-Override': 'DELETE',
      'X-HTTP-Method': 'DELETE',
      'Proxy-Authorization': 'Basic eA==',
    };
    await call('get', path).set(forged).expect(207);
    const seen = upstream.calls.at(-1)!;
    expect(seen.url).toBe(path);
    expect(Object.keys(forged).filter((name) => seen.headers[name.toLowerCase()] !== undefined)).toEqual([]);
    expect(seen.headers).toMatchObject({ 'x-app-connector-id': ready.id, 'x-user-id': ready.userId, 'x-environment-id': ready.environmentId });
  });

  it.each([
    ['POST', 'text/plain', '/ProfitRestServices/connectors/KnSubject', '{"KnSubject" : {"Element":{"Fields":{"StId": 1 }}}}'],
    ['PUT', 'application/json; charset=utf-8', '/ProfitRestServices/connectors/KnSubject', '{ "a":1.50,  "b":"é" }'],
    ['DELETE', 'application/json', '/ProfitRestServices/connectors/KnSubject/KnSubject/@SbId/123', ''],
    ['POST', 'application/octet-stream', '/ProfitRestServices/connectors/KnSubject/KnSubjectAttachment', 'raw bytes, not JSON {'],
  ])('forwards %s %s bodies byte for byte', async (method, contentType, path, body) => {
    await call(method.toLowerCase() as 'post', path).set('Content-Type', contentType).send(body).expect(207);
    expect(upstream.calls.at(-1)).toMatchObject({ method, url: path, body, headers: expect.objectContaining({ 'content-type': contentType }) });
  });

  it('forwards a body sent without any content type as it is', async () => {
    const path = `/${ready.environmentId}/ProfitRestServices/connectors/KnSubject`;
    const response = await fetch(`${app.url}${path}`, { method: 'POST', headers: { authorization: ready.authorization }, body: new TextEncoder().encode('no type {') });
    expect(response.status).toBe(207);
    const seen = upstream.calls.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/ProfitRestServices/connectors/KnSubject', body: 'no type {' });
    expect(seen.headers['content-type']).toBeUndefined();
  });

  it('refuses a malformed content type with 415 in Profit shape, logged, without calling the upstream', async () => {
    const before = upstream.calls.length;
    const response = await call('post', '/ProfitRestServices/connectors/KnSubject').set('Content-Type', '/;;').send('{}').expect(415);
    expect(response.body).toEqual({ externalMessage: expect.any(String), errorNumber: -1, profitLogReference: expect.any(String) });
    expect(app.logs()).toContain(response.body.profitLogReference);
    expect(upstream.calls.length).toBe(before);
  });

  it('leaves Idempotency-Key to the upstream: the admin API\'s replay store is not in the way', async () => {
    const path = '/ProfitRestServices/connectors/KnSubject';
    for (let i = 0; i < 2; i++) {
      await call('post', path).set('Content-Type', 'text/plain').set('Idempotency-Key', 'client-key').send('{"n":1}').expect(207);
    }
    expect(upstream.calls.slice(-2).map((c) => c.headers['idempotency-key'])).toEqual(['client-key', 'client-key']);
  });

  it('forwards SubjectConnector downloads (special connector AppConnectorSubject)', async () => {
    await call('get', '/profitrestservices/subjectconnector?SubjectId=12&FileId=abc').expect(207);
    expect(upstream.calls.at(-1)).toMatchObject({ method: 'GET', url: '/profitrestservices/subjectconnector?SubjectId=12&FileId=abc' });
  });

  it('drops the /{env} prefix and uses a per-environment upstream with its base path', async () => {
    await registerEnvironment(app.admin(), prefixed);
    const other = await readyConnectorIn(prefixed);
    await app
      .anonymous()
      .get(`/${prefixed}/ProfitRestServices/connectors/Profit_Article?take=1`)
      .set('Authorization', other.authorization)
      .expect(207);
    expect(upstream.calls.at(-1)).toMatchObject({ url: '/base/ProfitRestServices/connectors/Profit_Article?take=1' });
  });

  it('never forwards a refused call', async () => {
    const before = upstream.calls.length;
    await app.anonymous().post('/ProfitRestServices/connectors/KnSubject').set('Host', hostOf(ready.environmentId)).send('{}').expect(401);
    await call('post', '/ProfitRestServices/connectors/Profit_Article').send('{}').expect(401);
    expect(upstream.calls.length).toBe(before);
  });

  describe('bodies over PROFIT_BODY_LIMIT_MB (1 MiB here)', () => {
    const MIB = 1024 * 1024;
    const path = '/ProfitRestServices/connectors/KnSubject/KnSubjectAttachment';

    it('forwards a body of exactly the limit', async () => {
      await call('post', path).set('Content-Type', 'application/octet-stream').send('a'.repeat(MIB)).expect(207);
      expect(upstream.calls.at(-1)!.body.length).toBe(MIB);
    });

    it('refuses a larger Content-Length with 413 in Profit shape, logged, before calling the upstream', async () => {
      const before = upstream.calls.length;
      const response = await call('post', path).set('Content-Type', 'application/octet-stream').send('a'.repeat(MIB + 1)).expect(413);
      expect(response.body).toEqual({ externalMessage: `The request body is larger than the limit of ${MIB} bytes`, errorNumber: -1, profitLogReference: expect.any(String) });
      expect(app.logs()).toContain(response.body.profitLogReference);
      expect(response.headers.connection).toBe('close');
      expect(upstream.calls.length).toBe(before);
    });

    it('cuts a chunked body off at the limit with 413: the upstream never receives it whole', async () => {
      const before = upstream.calls.length;
      const answer = await new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
        const outgoing = httpRequest(`${app.url}/${ready.environmentId}${path}`, { method: 'POST', headers: { authorization: ready.authorization, 'content-type': 'application/octet-stream' } }, (response) => {
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
        });
        outgoing.on('error', reject);
        const chunk = Buffer.alloc(64 * 1024, 'b');
        for (let i = 0; i < 40; i++) outgoing.write(chunk);
        outgoing.end();
      });
      // The rest of the body is never read: the answer closes the connection.
      expect(outgoing413(answer)).toEqual({ status: 413, connection: 'close', externalMessage: `The request body is larger than the limit of ${MIB} bytes` });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(upstream.calls.length).toBe(before);
    });

    const outgoing413 = ({ status, body, connection }: { status: number; body: string; connection: string | undefined }) => ({
      status,
      connection,
      externalMessage: JSON.parse(body).externalMessage,
    });
  });

  it('answers 502 in Profit shape when the upstream cannot be reached', async () => {
    await registerEnvironment(app.admin(), dead);
    const other = await readyConnectorIn(dead);
    const response = await call('get', '/ProfitRestServices/connectors/Profit_Article', other).expect(502);
    expect(response.body).toEqual({ externalMessage: 'The upstream could not be reached', errorNumber: -1, profitLogReference: expect.any(String) });
    expect(app.logs()).toContain(response.body.profitLogReference);
  });

  /** A ready connector in an environment registered by the test (ids chosen before the app started). */
  async function readyConnectorIn(environmentId: string): Promise<ReadyConnector> {
    const connector = await readyConnector(app.admin(), environmentId);
    await app.caughtUp();
    return connector;
  }
});

describe('without an upstream', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp();
  });
  afterAll(() => app.close());

  it('answers an allowed connector call with 503 in Profit shape, and MetaInfo still works', async () => {
    const ready = await readyConnector(app.admin());
    await app.caughtUp();
    const host = hostOf(ready.environmentId);
    const response = await app.anonymous().get('/ProfitRestServices/connectors/Profit_Article').set('Host', host).set('Authorization', ready.authorization).expect(503);
    expect(response.body).toEqual({ externalMessage: 'No upstream is configured for this environment', errorNumber: -1, profitLogReference: expect.any(String) });
    await app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', host).set('Authorization', ready.authorization).expect(200);
  });
});
