import { startGuardedApp, type GuardedApp } from '../guard/support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from '../guard/support/profit-fixtures.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('app connectors: delete (archive)', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp();
  });
  afterAll(() => app.close());

  const metaInfo = (ready: ReadyConnector) =>
    app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization);
  const listOf = (ready: ReadyConnector, query: string) => `/api/v1/environments/${ready.environmentId}/app-connectors?${query}`;

  async function deleted() {
    const ready = await readyConnector(app.admin());
    await app.caughtUp();
    await metaInfo(ready).expect(200);
    const answer = await app.admin().delete(ready.base).expect(200);
    await app.caughtUp();
    return { ready, answer };
  }

  it('archives the connector: answered with version and position, one AppConnectorArchived appended', async () => {
    const { ready, answer } = await deleted();
    const stream = await app.eventStore.readStream(`app-connector-${ready.environmentId}-${ready.id}`);
    expect(stream.at(-1)).toMatchObject({ type: 'AppConnectorArchived', data: { environmentId: ready.environmentId, appConnectorId: ready.id } });
    expect(answer.body).toMatchObject({ id: ready.id, archived: true, version: stream.length, position: stream.at(-1)!.position });
    expect(answer.headers.etag).toBe(`"${stream.length}"`);
  });

  it('refuses its tokens at once on MetaInfo with 401 in Profit shape, logged as connector_archived', async () => {
    const { ready } = await deleted();
    const response = await metaInfo(ready).expect(401);
    expect(response.body).toEqual({
      externalMessage: 'Token is not valid or not correctly applied: the app connector was deleted',
      errorNumber: -1,
      profitLogReference: expect.any(String),
    });
    const line = app.logs().split('\n').find((entry) => entry.includes(response.body.profitLogReference));
    expect(JSON.parse(line!)).toMatchObject({ code: 'connector_archived' });
  });

  it('leaves the list by default; ?archived=true shows it, and it stays readable with its history', async () => {
    const { ready, answer } = await deleted();
    const at = `minPosition=${answer.body.position}`;
    const live = await app.admin().get(listOf(ready, at)).expect(200);
    expect(live.body.items).toEqual([]);
    const archived = await app.admin().get(listOf(ready, `archived=true&${at}`)).expect(200);
    expect(archived.body.items.map((item: { id: string; archived: boolean }) => [item.id, item.archived])).toEqual([[ready.id, true]]);
    expect((await app.admin().get(listOf(ready, `archived=false&${at}`)).expect(200)).body.items).toEqual([]);
    const one = await app.admin().get(`${ready.base}?${at}`).expect(200);
    expect(one.body).toMatchObject({ id: ready.id, archived: true });
    const history = await app.admin().get(`${ready.base}/history`).expect(200);
    expect(history.body.items.map((item: { type: string }) => item.type).at(-1)).toBe('AppConnectorArchived');
  });

  const noBody = () => undefined;
  it.each([
    ['delete again', 'delete', '', noBody],
    ['block', 'post', '/block', noBody],
    ['unblock', 'post', '/unblock', noBody],
    ['change the description', 'put', '/description', () => ({ description: 'Other' })],
    ['grant a GetConnector', 'post', '/get-connectors', () => ({ names: ['Profit_Debtor'] })],
    ['revoke a GetConnector', 'delete', '/get-connectors/Profit_Article', noBody],
    ['add an IP restriction', 'post', '/ip-restrictions', () => ({ access: 'allow', address: '192.0.2.1' })],
    ['generate a token', 'post', '/tokens', (ready: ReadyConnector) => ({ userId: ready.userId, description: 'phone' })],
  ] as const)('refuses to %s with 409 app_connector_archived, nothing appended', async (_, method, path, body) => {
    const { ready } = await deleted();
    const response = await expectRefusedWithoutChange(app, () => app.admin()[method](`${ready.base}${path}`).send(body(ready)), 409);
    expect(response.body.code).toBe('app_connector_archived');
  });

  it('refuses to revoke its token or assign another group with 409, nothing appended', async () => {
    const { ready } = await deleted();
    for (const call of [
      () => app.admin().delete(`${ready.base}/tokens/${ready.tokenId}`),
      () => app.admin().put(`${ready.base}/user-group`).send({ userGroupId: ready.groupId }),
    ]) {
      expect((await expectRefusedWithoutChange(app, call, 409)).body.code).toBe('app_connector_archived');
    }
  });

  it('refuses a stale If-Match with 412 and deletes nothing', async () => {
    const ready = await readyConnector(app.admin());
    await expectRefusedWithoutChange(app, () => app.admin().delete(ready.base).set('If-Match', '"1"'), 412);
  });

  it('is described in OpenAPI, with the archived filter of the list', async () => {
    const { paths } = (await app.anonymous().get('/docs-json').expect(200)).body;
    expect(paths['/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}'].delete.responses).toHaveProperty('409');
    const listParameters = paths['/api/v1/environments/{environmentId}/app-connectors'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(listParameters).toContain('archived');
  });

  it('answers 404 for a connector that never existed', async () => {
    const ready = await readyConnector(app.admin());
    const response = await expectRefusedWithoutChange(app, () => app.admin().delete(`${ready.base}x`), 404);
    expect(response.body.code).toBe('app_connector_not_found');
  });
});
