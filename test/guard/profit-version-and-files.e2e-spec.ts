import { readFileSync } from 'node:fs';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { afasHeader, hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';
import { startUpstream, type Upstream } from './support/upstream-server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const FILE = '/ProfitRestServices/fileconnector/6A5F1C2E-0B3D-4E8F-9A1B-2C3D4E5F6A7B/Jan_2BPiet%20offerte.pdf';

describe('Profit surface: ProfitVersion and the FileConnector', () => {
  let app: GuardedApp;
  let upstream: Upstream;
  let ready: ReadyConnector;
  /** The same kind of connector without AppConnectorSubject. */
  let plain: ReadyConnector;

  beforeAll(async () => {
    upstream = await startUpstream();
    app = await startGuardedApp({ UPSTREAM_URL: upstream.url });
    ready = await readyConnector(app.admin());
    plain = await readyConnector(app.admin(), ready.environmentId);
    await app.admin().delete(`${plain.base}/special-connectors/AppConnectorSubject`).expect(200);
    await app.caughtUp();
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  const get = (path: string, authorization: string | undefined, environmentId = ready.environmentId) => {
    const call = app.anonymous().get(path).set('Host', hostOf(environmentId));
    return authorization === undefined ? call : call.set('Authorization', authorization);
  };
  const refusalCode = (reference: string) => {
    const line = app.logs().split('\n').find((entry) => entry.includes(reference));
    return line === undefined ? 'no log line' : (JSON.parse(line).code as string);
  };

  describe('ProfitVersion', () => {
    it.each(['/ProfitRestServices/ProfitVersion', '/profitrestservices/profitversion', '/PROFITRESTSERVICES/PROFITVERSION'])(
      'answers %s with this service version for a valid token, whatever its connector is granted',
      async (path) => {
        const response = await get(path, plain.authorization).expect(200);
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(response.body).toEqual({ version });
      },
    );

    it('says whether the token is good: 401 for none or an unknown one', async () => {
      await get('/ProfitRestServices/ProfitVersion', undefined).expect(401);
      const unknown = afasHeader(`<token><version>1</version><data>${'CD'.repeat(32)}</data></token>`);
      const response = await get('/ProfitRestServices/ProfitVersion', unknown).expect(401);
      expect(response.body).toEqual({ externalMessage: 'Token is not valid or not correctly applied', errorNumber: -1, profitLogReference: expect.stringMatching(UUID) });
    });

    it('refuses the token of a blocked connector with 403', async () => {
      const blocked = await readyConnector(app.admin(), ready.environmentId);
      await app.admin().post(`${blocked.base}/block`).expect(200);
      await app.caughtUp();
      const response = await get('/ProfitRestServices/ProfitVersion', blocked.authorization).expect(403);
      expect(response.body.externalMessage).toBe('App connector is blocked');
    });

    it('is answered here, never forwarded', async () => {
      const before = upstream.calls.length;
      await get('/ProfitRestServices/ProfitVersion', ready.authorization).expect(200);
      expect(upstream.calls.length).toBe(before);
    });
  });

  describe('FileConnector', () => {
    it('forwards a download by a connector with AppConnectorSubject, the file name as written', async () => {
      const response = await get(FILE, ready.authorization).expect(207);
      expect(response.body.from).toBe('upstream');
      expect(upstream.calls.at(-1)).toMatchObject({
        method: 'GET',
        url: FILE,
        headers: expect.objectContaining({ 'x-app-connector-id': ready.id, 'x-user-id': ready.userId }),
      });
      expect(upstream.calls.at(-1)!.headers.authorization).toBeUndefined();
    });

    it('matches the path in any case and keeps the /{env} prefix out of what is forwarded', async () => {
      const path = '/ProfitRestServices/FileConnector/ABC/report.pdf';
      await app.anonymous().get(`/${ready.environmentId}${path}`).set('Authorization', ready.authorization).expect(207);
      expect(upstream.calls.at(-1)!.url).toBe(path);
    });

    it('answers 404 in Profit shape to a connector without AppConnectorSubject, and forwards nothing', async () => {
      const before = upstream.calls.length;
      const response = await get(FILE, plain.authorization).expect(404);
      expect(response.body).toEqual({
        externalMessage: 'The file does not exist or may not be read',
        errorNumber: -1,
        profitLogReference: expect.stringMatching(UUID),
      });
      expect(refusalCode(response.body.profitLogReference)).toBe('connector_not_granted');
      expect(upstream.calls.length).toBe(before);
    });

    it('still answers 401 to a missing or unknown token, and forwards nothing', async () => {
      const before = upstream.calls.length;
      await get(FILE, undefined).expect(401);
      const unknown = afasHeader(`<token><version>1</version><data>${'EF'.repeat(32)}</data></token>`);
      const response = await get(FILE, unknown).expect(401);
      expect(refusalCode(response.body.profitLogReference)).toBe('token_unknown');
      expect(upstream.calls.length).toBe(before);
    });

    it.each([
      ['without a file name', '/ProfitRestServices/fileconnector/ABC'],
      ['with a segment after the file name', '/ProfitRestServices/fileconnector/ABC/a.pdf/more'],
    ])('answers 404 for a FileConnector path %s, and forwards nothing', async (_, path) => {
      const before = upstream.calls.length;
      const response = await get(path, ready.authorization).expect(404);
      expect(response.body.externalMessage).toBe('Unknown endpoint');
      expect(upstream.calls.length).toBe(before);
    });
  });
});
