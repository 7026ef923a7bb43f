import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { hostOf, readyConnector, type ReadyConnector } from '../guard/support/profit-fixtures.js';
import { startUpstream, type Upstream } from '../guard/support/upstream-server.js';
import { rawRequest } from '../support/raw-http.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../support/test-app.js';

const MIB = 1024 * 1024;

describe('transport bounds and early refusals', () => {
  let app: TestApp;
  let upstream: Upstream;
  let ready: ReadyConnector;

  beforeAll(async () => {
    upstream = await startUpstream();
    app = await startTestApp({ UPSTREAM_URL: upstream.url, PROFIT_BODY_LIMIT_MB: '4', REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1000' });
    ready = await readyConnector(app.admin());
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  it('forwards a body over 1 MiB sent with Expect: 100-continue, after answering 100 Continue', async () => {
    const body = Buffer.alloc(MIB + 512 * 1024, 'x');
    const path = '/ProfitRestServices/connectors/KnSubject/KnSubjectAttachment';
    const answer = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const outgoing = httpRequest(`${app.url}${path}`, {
        method: 'POST',
        headers: { host: hostOf(ready.environmentId), authorization: ready.authorization, 'content-type': 'application/octet-stream', 'content-length': body.length, expect: '100-continue' },
      });
      // As curl and .NET do: the body goes only once the server said to go on.
      outgoing.on('continue', () => {
        continued = true;
        outgoing.end(body);
      });
      outgoing.on('response', (response) => response.resume().on('end', () => resolve({ status: response.statusCode ?? 0, continued })));
      outgoing.on('error', reject);
    });
    expect(answer).toEqual({ status: 207, continued: true });
    const seen = upstream.calls.at(-1)!;
    expect({ method: seen.method, url: seen.url, length: seen.body.length, expect: seen.headers.expect }).toEqual({ method: 'POST', url: path, length: body.length, expect: undefined });
  });

  describe('a body that arrives too slowly is cut off with 408 (REQUEST_TIMEOUT_MS)', () => {
    /** Headers (in full unless told), then a byte every 400 ms: an answer and a closed socket are expected. */
    function trickle(head: string, { headersEnd = true } = {}): Promise<{ text: string; closedAfterMs: number }> {
      const { port } = new URL(app.url);
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        const drip = setInterval(() => socket.writable && socket.write('{'), 400);
        const giveUp = setTimeout(() => socket.destroy(new Error('still open after 8 s')), 8000);
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('error', (error) => (text === '' ? reject(error) : undefined));
        socket.on('close', () => {
          clearInterval(drip);
          clearTimeout(giveUp);
          resolve({ text, closedAfterMs: Date.now() - started });
        });
        socket.write(headersEnd ? `${head}\r\n\r\n` : head);
      });
    }

    it('on the admin API: problem+json, and nothing appended', async () => {
      const position = await app.headPosition();
      const { text, closedAfterMs } = await trickle(
        ['POST /api/v1/environments HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Bearer ${ADMIN_KEY}`, 'Content-Type: application/json', 'Content-Length: 1000'].join('\r\n'),
      );
      expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(text).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 408, code: 'request_timeout' });
      expect(closedAfterMs).toBeLessThan(6000);
      expect(await app.headPosition()).toBe(position);
    });

    it('on the Profit surface: Profit\'s body, and the upstream never gets the call whole', async () => {
      const calls = upstream.calls.length;
      const { text } = await trickle(
        [
          'POST /ProfitRestServices/connectors/KnSubject HTTP/1.1',
          `Host: ${hostOf(ready.environmentId)}`,
          `Authorization: ${ready.authorization}`,
          'Content-Type: application/json',
          'Content-Length: 1000',
        ].join('\r\n'),
      );
      expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({ externalMessage: expect.stringMatching(/not received in time/), errorNumber: -1, profitLogReference: expect.any(String) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(upstream.calls.length).toBe(calls);
    });

    it('headers that never end get 408 too', async () => {
      const { text, closedAfterMs } = await trickle(['POST /api/v1/environments HTTP/1.1', 'Host: 127.0.0.1', 'X-Slow: a'].join('\r\n'), { headersEnd: false });
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(closedAfterMs).toBeLessThan(6000);
    });
  });

  describe('the admin key is checked before the body is read', () => {
    it.each([
      ['no key', undefined],
      ['a wrong key', 'Bearer not-the-admin-key-at-all'],
    ])('%s: 401 at once for a body that has not even arrived, nothing appended', async (_name, authorization) => {
      const position = await app.headPosition();
      const head = ['POST /api/v1/environments HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', 'Content-Length: 1000', 'Connection: close'];
      if (authorization) head.push(`Authorization: ${authorization}`);
      const answer = await rawRequest(app.url, head.join('\r\n'));
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(await app.headPosition()).toBe(position);
    });

    it('a body that is not JSON, without the key: 401, not 400', async () => {
      const position = await app.headPosition();
      const response = await app.anonymous().post('/api/v1/environments').set('Content-Type', 'application/json').send('{not json');
      expect(response.status).toBe(401);
      expect(await app.headPosition()).toBe(position);
    });
  });

  describe('Fastify\'s own refusals answer in the shape of the surface', () => {
    it('a path that does not percent-decode: problem+json on the admin API', async () => {
      const position = await app.headPosition();
      const response = await app.admin().post('/api/v1/environments/%E0%A4%A/users').send({});
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, code: 'bad_request' });
      expect(await app.headPosition()).toBe(position);
    });

    it('a path parameter over its length: problem+json on the admin API, Profit\'s body on the Profit surface', async () => {
      const long = 'a'.repeat(200);
      const admin = await app.admin().get(`/api/v1/environments/${long}/users`);
      expect({ status: admin.status, type: admin.headers['content-type'] }).toEqual({ status: 414, type: expect.stringContaining('application/problem+json') });
      expect(admin.body).toMatchObject({ status: 414, code: 'uri_too_long' });
      const calls = upstream.calls.length;
      const profit = await app.anonymous().get(`/${long}/ProfitRestServices/MetaInfo`).set('Authorization', ready.authorization);
      expect(profit.status).toBe(414);
      expect(profit.body).toEqual({ externalMessage: 'The request path is too long', errorNumber: -1, profitLogReference: expect.any(String) });
      expect(upstream.calls.length).toBe(calls);
    });

    it('bytes that are not HTTP on a Profit URL: Profit\'s body', async () => {
      const answer = await rawRequest(app.url, `GET /ProfitRestServices/MetaInfo\u00e9 HTTP/1.1\r\nHost: ${hostOf(ready.environmentId)}`);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({ externalMessage: 'The request is not valid HTTP/1.1', errorNumber: -1, profitLogReference: expect.any(String) });
    });
  });

  it('closes connections past MAX_CONNECTIONS at once, and serves again when one is free', async () => {
    const capped = await startTestApp({ MAX_CONNECTIONS: '2' });
    const { port } = new URL(capped.url);
    const open = () =>
      new Promise<ReturnType<typeof connect>>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
        socket.on('error', reject);
      });
    try {
      const held = [await open(), await open()];
      await new Promise((resolve) => setTimeout(resolve, 50));
      const third = await open();
      const closed = await new Promise<boolean>((resolve) => {
        third.on('close', () => resolve(true));
        setTimeout(() => resolve(false), 2000);
      });
      expect(closed).toBe(true);
      held[0]!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await rawRequest(capped.url, 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close')).status).toBe(200);
      held[1]!.destroy();
    } finally {
      await capped.close();
    }
  });

  it('records the normalised client address of a trusted proxy\'s client, or none', async () => {
    const proxied = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const cases: [string, string | null][] = [
        ['garbage', null],
        ['[2001:DB8::1]:80', '2001:db8::1'],
        ['203.0.113.9:51234', '203.0.113.9'],
        ['::ffff:198.51.100.4', '198.51.100.4'],
        ['198.51.100.7, 127.0.0.1', '198.51.100.7'],
      ];
      for (const [index, [forwardedFor, expected]] of cases.entries()) {
        const environmentId = `8800${index}`;
        await proxied.admin().post('/api/v1/environments').set('X-Forwarded-For', forwardedFor).send({ environmentId, name: 'Proxied' }).expect(201);
        const [event] = await proxied.eventStore.readStream(`environment-${environmentId}`);
        expect({ forwardedFor, sourceIp: event?.metadata.sourceIp }).toEqual({ forwardedFor, sourceIp: expected });
      }
    } finally {
      await proxied.close();
    }
  });
});
