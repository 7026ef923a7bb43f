import { connectorSetup, createGroup, registerEnvironment } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createConnector, readAfter, readAllPages } from './read-side.fixtures.js';

describe('app connector queries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers one connector as the command answers showed it, with its version as ETag', async () => {
    const { base } = await connectorSetup(app.admin());
    await app.admin().post(`${base}/get-connectors`).send({ names: ['Profit_Debtors', 'AppConnectorSubject'] }).expect(200);
    await app.admin().post(`${base}/ip-restrictions`).send({ access: 'allow', address: '10.0.0.0/8' }).expect(201);
    const changed = await app.admin().post(`${base}/unblock`).expect(200);
    const response = await readAfter(app.admin(), base, changed.body.position).expect(200);
    const { tokens, position, ...fromCommand } = changed.body;
    expect(response.body).toEqual({
      ...fromCommand,
      ipRestrictions: [expect.objectContaining({ access: 'allow', cidr: '10.0.0.0/8', family: 'ipv4' })],
      accessMode: 'allow',
      tokenCount: 0,
      createdAt: expect.any(String),
      createdBy: 'admin',
      updatedAt: expect.any(String),
      updatedBy: 'admin',
    });
    expect(response.body.getConnectors).toEqual(['AppConnectorSubject', 'Profit_Debtors']);
    expect(response.headers.etag).toBe(`"${changed.body.version}"`);
    expect(Number(response.headers['x-projection-position'])).toBeGreaterThanOrEqual(changed.body.position);
  });

  it('answers 404 problems for an unknown connector, a connector of another environment and an unknown environment', async () => {
    const { environmentId, id, created } = await connectorSetup(app.admin());
    const { environmentId: other } = await registerEnvironment(app.admin());
    const position = created.body.position as number;
    for (const path of [
      `/api/v1/environments/${environmentId}/app-connectors/unknown-id`,
      `/api/v1/environments/${other}/app-connectors/${id}`,
      '/api/v1/environments/99999999/app-connectors',
    ]) {
      const response = await readAfter(app.admin(), path, position).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toMatch(/_not_found$/);
    }
  });

  it('filters by blocked and user group, and searches the description in any case', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const [sales, finance] = [await createGroup(app.admin(), environmentId), await createGroup(app.admin(), environmentId)];
    const shop = await createConnector(app.admin(), environmentId, sales, 'Webshop NL');
    const crm = await createConnector(app.admin(), environmentId, sales, 'CRM sync');
    const payroll = await createConnector(app.admin(), environmentId, finance, 'Payroll webSHOP bridge');
    const { body } = await app.admin().post(`/api/v1/environments/${environmentId}/app-connectors/${crm.id}/unblock`).expect(200);
    const list = `/api/v1/environments/${environmentId}/app-connectors`;
    const ids = async (query: string) => (await readAfter(app.admin(), `${list}?${query}`, body.position).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(await ids('blocked=false')).toEqual([crm.id]);
    expect((await ids('blocked=true')).sort()).toEqual([shop.id, payroll.id].sort());
    expect((await ids(`userGroupId=${sales}`)).sort()).toEqual([shop.id, crm.id].sort());
    expect((await ids('q=shop')).sort()).toEqual([shop.id, payroll.id].sort());
    expect(await ids(`q=SHOP&userGroupId=${finance}&blocked=true`)).toEqual([payroll.id]);
    expect(await ids('q=nothing-like-this')).toEqual([]);
  });

  it('pages through a stable order without duplicates or misses, also while connectors change', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const groupId = await createGroup(app.admin(), environmentId);
    const created: string[] = [];
    let position = 0;
    for (let i = 0; i < 7; i++) {
      const connector = await createConnector(app.admin(), environmentId, groupId, `Connector ${i}`);
      created.push(connector.id);
      position = connector.position;
    }
    const list = `/api/v1/environments/${environmentId}/app-connectors`;
    const everything = (await readAfter(app.admin(), `${list}?limit=200`, position).expect(200)).body;
    expect(everything.nextCursor).toBeNull();
    const order = everything.items.map((c: { id: string }) => c.id);
    expect([...order].sort()).toEqual([...created].sort());

    const first = (await readAfter(app.admin(), `${list}?limit=3`, position).expect(200)).body;
    expect(first.items.map((c: { id: string }) => c.id)).toEqual(order.slice(0, 3));
    // A change to a connector on a later page must not move it between pages.
    const renamed = await app.admin().put(`${list}/${order[4]}/description`).send({ description: 'AAA first by name' }).expect(200);
    const rest = await readAllPages(app.admin(), list, 3, renamed.body.position, first.nextCursor);
    expect([...first.items, ...rest.flat()].map((c) => c.id)).toEqual(order);
    expect(rest.map((page) => page.length)).toEqual([3, 1]);
  });

  it('answers 400 problems for malformed parameters', async () => {
    const { environmentId, id } = await connectorSetup(app.admin());
    const list = `/api/v1/environments/${environmentId}/app-connectors`;
    const cursorOfAnotherList = (await app.admin().get('/api/v1/environments?limit=1').expect(200)).body.nextCursor;
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'blocked=maybe', 'q=', 'colour=red', 'cursor=garbage', `cursor=${cursorOfAnotherList}`, 'cursor=app-connectors.bm90LWEtY3Vyc29y']) {
      const response = await app.admin().get(`${list}?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body).toMatchObject({ status: 400, code: query.startsWith('cursor=') ? 'invalid_cursor' : 'validation_failed' });
    }
    await app.admin().get(`/api/v1/environments/not-an-id!/app-connectors`).expect(400);
    await app.admin().get(`${list}/${id}?colour=red`).expect(400);
  });

  it('answers ?version= and ?at= from the event stream: the connector as it was then', async () => {
    const { base } = await connectorSetup(app.admin());
    await app.admin().post(`${base}/unblock`).expect(200);
    const changed = await app.admin().put(`${base}/description`).send({ description: 'Renamed' }).expect(200);
    const atVersion1 = await app.admin().get(`${base}?version=1`).expect(200);
    expect(atVersion1.body).toMatchObject({ description: 'Webshop', blocked: true, version: 1 });
    const now = await app.admin().get(`${base}?at=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`).expect(200);
    expect(now.body).toMatchObject({ description: 'Renamed', blocked: false, version: changed.body.version });
    await app.admin().get(`${base}?at=2000-01-01T00:00:00Z`).expect(404);
    await app.admin().get(`${base}?version=99`).expect(404);
    for (const query of ['version=1&at=2025-01-01T00:00:00Z', 'version=zero', 'at=yesterday']) {
      const response = await app.admin().get(`${base}?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });
});
