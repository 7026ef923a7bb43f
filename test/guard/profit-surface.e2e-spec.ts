import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { afasHeader, base64, GET_CONNECTOR, hostOf, readyConnector, UPDATE_CONNECTOR, type ReadyConnector } from './support/profit-fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Profit surface: MetaInfo and the token checks', () => {
  let app: GuardedApp;
  let ready: ReadyConnector;
  beforeAll(async () => {
    app = await startGuardedApp();
    ready = await readyConnector(app.admin());
    await app.caughtUp();
  });
  afterAll(() => app.close());

  const metaInfo = (path = '/ProfitRestServices/MetaInfo', environmentId = ready.environmentId) =>
    app.anonymous().get(path).set('Host', hostOf(environmentId));

  it('answers MetaInfo with what the connector may call', async () => {
    const response = await metaInfo().set('Authorization', ready.authorization).expect(200);
    expect(response.body).toEqual({
      updateConnectors: [{ id: UPDATE_CONNECTOR, description: UPDATE_CONNECTOR }],
      getConnectors: [{ id: GET_CONNECTOR, description: GET_CONNECTOR }],
      info: { envid: ready.environmentId, appName: 'Webshop', group: ready.groupId, tokenExpiry: null },
    });
  });

  it('answers MetaInfo with the connector as it is now, after earlier answers', async () => {
    await metaInfo().set('Authorization', ready.authorization).expect(200);
    const connector = `/api/v1/environments/${ready.environmentId}/app-connectors/${ready.id}`;
    await app.admin().post(`${connector}/get-connectors`).send({ names: ['Profit_Debtor'] }).expect(200);
    await app.admin().put(`${connector}/description`).send({ description: 'Webshop 2' }).expect(200);
    await app.caughtUp();
    const response = await metaInfo().set('Authorization', ready.authorization).expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body.getConnectors).toEqual([
      { id: GET_CONNECTOR, description: GET_CONNECTOR },
      { id: 'Profit_Debtor', description: 'Profit_Debtor' },
    ]);
    expect(response.body.info.appName).toBe('Webshop 2');
  });

  it.each(['/profitrestservices/metainfo', '/PROFITRESTSERVICES/METAINFO', '/ProfitRestServices/metaInfo/'])(
    'matches %s case-insensitively',
    async (path) => {
      await metaInfo(path).set('Authorization', ready.authorization).expect(200);
    },
  );

  it('takes the environment from a /{env}/ProfitRestServices path on any host', async () => {
    const response = await app
      .anonymous()
      .get(`/${ready.environmentId}/profitRestServices/MetaInfo`)
      .set('Authorization', ready.authorization)
      .expect(200);
    expect(response.body.info.envid).toBe(ready.environmentId);
  });

  it('answers 404 in Profit shape when no environment can be told (IP or localhost host)', async () => {
    const response = await app.anonymous().get('/ProfitRestServices/MetaInfo').set('Authorization', ready.authorization).expect(404);
    expect(response.body).toEqual({ externalMessage: expect.stringMatching(/environment/i), errorNumber: -1, profitLogReference: expect.stringMatching(UUID) });
  });

  it('answers 404 for an endpoint it does not serve', async () => {
    const response = await metaInfo('/ProfitRestServices/NoSuchEndpoint').set('Authorization', ready.authorization).expect(404);
    expect(response.body.externalMessage).toBe('Unknown endpoint');
  });

  it('leaves other routes alone', async () => {
    await app.anonymous().get('/health/live').expect(200);
    const response = await app.anonymous().get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  const otherToken = () => `<token><version>1</version><data>${'AB'.repeat(32)}</data></token>`;

  it.each([
    ['no Authorization header', 'token_missing', undefined],
    ['another scheme', 'token_malformed', () => `Bearer ${base64(ready.token)}`],
    ['garbage after the scheme', 'token_malformed', () => 'AfasToken ***'],
    ['the plain token XML', 'token_plain', () => `AfasToken ${ready.token}`],
    ['an unknown token', 'token_unknown', () => afasHeader(otherToken())],
  ])('refuses %s with 401 and logs the reference with code %s', async (_, code, header) => {
    const call = metaInfo();
    const response = await (header ? call.set('Authorization', header()) : call).expect(401);
    expect(response.body).toEqual({
      externalMessage: 'Token is not valid or not correctly applied' + (code === 'token_plain' ? ': send it base64-encoded' : ''),
      errorNumber: -1,
      profitLogReference: expect.stringMatching(UUID),
    });
    const line = app.logs().split('\n').find((entry) => entry.includes(response.body.profitLogReference));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ code, msg: 'profit access refused' });
  });

  it('never writes the token to the log', async () => {
    const data = /<data>([0-9A-F]{64})<\/data>/.exec(ready.token)![1]!;
    expect(app.logs()).not.toContain(data);
    expect(app.logs()).not.toContain(base64(ready.token));
  });
});
