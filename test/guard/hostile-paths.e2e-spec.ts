import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';
import { startUpstream, type Upstream } from './support/upstream-server.js';
import { rawRequest } from '../support/raw-http.js';

/**
 * Paths whose meaning depends on who reads them, each after `/ProfitRestServices/connectors/`.
 * The token may call Profit_Article (get) and KnSubject (update), never NotGranted.
 */
const HOSTILE_TAILS: readonly (readonly [string, string])[] = [
  ['backslash dot-dot (the reported attack)', 'Profit_Article/x\\..\\..\\NotGranted'],
  ['backslashes out of the Profit tree', 'Profit_Article/x\\..\\..\\..\\..\\admin\\secret'],
  ['encoded backslash', 'Profit_Article/x%5C..%5C..%5CNotGranted'],
  ['lower-case encoded backslash', 'Profit_Article/x%5c..%5c..%5cNotGranted'],
  ['slash dot-dot', 'Profit_Article/../NotGranted'],
  ['dot segment', 'Profit_Article/./../NotGranted'],
  ['encoded dot-dot', 'Profit_Article/%2e%2e/NotGranted'],
  ['upper-case encoded dot-dot', 'Profit_Article/%2E%2E/NotGranted'],
  ['half-encoded dot-dot', 'Profit_Article/.%2e/NotGranted'],
  ['double-encoded dot-dot', 'Profit_Article/%252e%252e/NotGranted'],
  ['double-encoded slash', 'Profit_Article%252F..%252FNotGranted'],
  ['encoded slash', 'Profit_Article%2F..%2FNotGranted'],
  ['encoded slash and dots', 'Profit_Article%2f%2e%2e%2fNotGranted'],
  ['overlong UTF-8 dots', 'Profit_Article/%C0%AE%C0%AE/NotGranted'],
  ['overlong UTF-8 slash', 'Profit_Article%C0%AF..%C0%AFNotGranted'],
  ['IIS %u dots', 'Profit_Article/%u002e%u002e/NotGranted'],
  ['fullwidth dots', 'Profit_Article/%EF%BC%8E%EF%BC%8E/NotGranted'],
  ['two-dot leader', 'Profit_Article/%E2%80%A5/NotGranted'],
  ['fullwidth solidus', 'Profit_Article%EF%BC%8F..%EF%BC%8FNotGranted'],
  ['fullwidth reverse solidus', 'Profit_Article%EF%BC%BC..%EF%BC%BCNotGranted'],
  ['dot-dot with path parameter', 'Profit_Article/..;/NotGranted'],
  ['dot-dot with encoded space', 'Profit_Article/..%20/NotGranted'],
  ['dot-dot with encoded tab', 'Profit_Article/..%09/NotGranted'],
  ['empty segment', 'Profit_Article//NotGranted'],
  ['empty connector name', '/NotGranted'],
  ['encoded NUL', 'Profit_Article%00/NotGranted'],
  ['encoded CR LF', 'Profit_Article%0D%0AX-Injected:%201'],
  ['encoded DEL', 'Profit_Article%7F'],
  ['C1 control', 'Profit_Article%C2%85'],
  ['bidi override', 'Profit_%E2%80%AEelcitrA'],
  ['zero-width space', 'Profit_Article%E2%80%8B'],
  ['invalid UTF-8', 'Profit_Article%FF'],
  ['truncated UTF-8', 'Profit_Article%C3'],
  ['encoded surrogate', 'Profit_Article%ED%A0%80'],
  ['truncated escape', 'Profit_Article%2'],
  ['non-hex escape', 'Profit_Article%zz'],
  ['raw non-ASCII byte', 'Profit_Article\u00e9'],
];

/** Hostile spellings of the service segment and the prefix around it. */
const HOSTILE_PREFIXES: readonly (readonly [string, string])[] = [
  ['dot-dot after the service segment', '/ProfitRestServices/../ProfitRestServices/connectors/NotGranted'],
  ['out of the Profit tree to the admin API', '/ProfitRestServices/..%2Fapi%2Fv1%2Fenvironments'],
  ['empty segment after the service segment', '/ProfitRestServices//connectors/NotGranted'],
  ['encoded dots as the first segment', '/ProfitRestServices/%2e%2e/api/v1/environments'],
];

const WRITES = ['POST', 'PUT', 'DELETE'] as const;

describe('hostile paths on the Profit surface: 400 in Profit shape, nothing forwarded', () => {
  let app: GuardedApp;
  let upstream: Upstream;
  let ready: ReadyConnector;

  beforeAll(async () => {
    upstream = await startUpstream();
    app = await startGuardedApp({ UPSTREAM_URL: upstream.url });
    ready = await readyConnector(app.admin());
    await app.caughtUp();
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  async function send(method: string, path: string, host = hostOf(ready.environmentId)) {
    const body = method === 'GET' ? '' : '{"KnSubject":{}}';
    const head = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, `Authorization: ${ready.authorization}`, 'Connection: close'];
    if (body !== '') head.push('Content-Type: application/json', `Content-Length: ${body.length}`);
    return rawRequest(app.url, head.join('\r\n'), body);
  }

  async function expectRefused(method: string, path: string, host?: string) {
    const calls = upstream.calls.length;
    const position = await app.headPosition();
    const answer = await send(method, path, host);
    expect({ status: answer.status, contentType: answer.headers['content-type'] }).toEqual({ status: 400, contentType: 'application/json; charset=utf-8' });
    const body = JSON.parse(answer.body);
    expect(body).toEqual({ externalMessage: expect.stringMatching(/^The request (path is not accepted: |is not valid HTTP\/1.1$)/), errorNumber: -1, profitLogReference: expect.any(String) });
    expect(app.logs()).toContain(body.profitLogReference);
    expect(upstream.calls.length).toBe(calls);
    expect(await app.headPosition()).toBe(position);
  }

  describe.each(HOSTILE_TAILS)('%s', (_name, tail) => {
    it('is refused for GET, on the host form and the /{env} form', async () => {
      await expectRefused('GET', `/ProfitRestServices/connectors/${tail}`);
      await expectRefused('GET', `/${ready.environmentId}/ProfitRestServices/connectors/${tail}`, '127.0.0.1');
    });

    it.each(WRITES)('is refused for %s', async (method) => {
      await expectRefused(method, `/ProfitRestServices/connectors/${tail.replace('Profit_Article', 'KnSubject')}`);
    });
  });

  describe.each(HOSTILE_PREFIXES)('%s', (_name, path) => {
    it.each(['GET', ...WRITES])('is refused for %s', async (method) => {
      await expectRefused(method, path);
      await expectRefused(method, `/${ready.environmentId}${path}`, '127.0.0.1');
    });
  });

  it('refuses a hostile path before it looks at the token', async () => {
    const calls = upstream.calls.length;
    const answer = await rawRequest(app.url, [`GET /ProfitRestServices/connectors/Profit_Article/..\\NotGranted HTTP/1.1`, `Host: ${hostOf(ready.environmentId)}`, 'Connection: close'].join('\r\n'));
    expect(answer.status).toBe(400);
    expect(upstream.calls.length).toBe(calls);
  });

  describe('what is forwarded is exactly the path the guard decided on', () => {
    it.each([
      ['a trailing slash', '/ProfitRestServices/connectors/Profit_Article/?take=1', '/ProfitRestServices/connectors/Profit_Article?take=1'],
      ['an encoded name', '/ProfitRestServices/connectors/Profit%5FArticle', '/ProfitRestServices/connectors/Profit_Article'],
      ['an encoded @ and dots inside names', '/ProfitRestServices/connectors/Profit_Article/%40SbId/a.b...c', '/ProfitRestServices/connectors/Profit_Article/@SbId/a.b...c'],
      ['a UTF-8 name, encoded one way', '/ProfitRestServices/connectors/Profit_Article/Stra%c3%9fe%201', '/ProfitRestServices/connectors/Profit_Article/Stra%C3%9Fe%201'],
      ['a semicolon, never a path parameter upstream', '/ProfitRestServices/connectors/Profit_Article/a;b', '/ProfitRestServices/connectors/Profit_Article/a%3Bb'],
    ])('%s', async (_name, path, forwarded) => {
      const answer = await send('GET', path);
      expect(answer.status).toBe(207);
      expect(upstream.calls.at(-1)).toMatchObject({ method: 'GET', url: forwarded, headers: expect.objectContaining({ 'x-app-connector-id': ready.id }) });
    });

    it('decides on the decoded name: an encoded spelling of an ungranted connector is refused', async () => {
      const calls = upstream.calls.length;
      const answer = await send('GET', '/ProfitRestServices/connectors/Not%47ranted');
      expect(answer.status).toBe(401);
      expect(upstream.calls.length).toBe(calls);
    });
  });
});
