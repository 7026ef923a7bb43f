import { connectorSetup } from '../support/fixtures.js';
import { startReadSideApp, type ReadSideApp } from './read-side-app.js';

const BOUND_MS = 300;

describe('read-your-writes, freshness and admin authentication of queries', () => {
  let app: ReadSideApp;
  let setup: Awaited<ReturnType<typeof connectorSetup>>;
  beforeAll(async () => {
    app = await startReadSideApp(BOUND_MS);
    setup = await connectorSetup(app.admin());
  });
  afterAll(() => app.close());

  it('shows the state a command answered, right after the command, when asked with its position', async () => {
    for (let round = 0; round < 5; round++) {
      const changed = await app.admin().put(`${setup.base}/description`).send({ description: `Shop ${round}` }).expect(200);
      const byQuery = await app.admin().get(`${setup.base}?minPosition=${changed.body.position}`).expect(200);
      expect(byQuery.body).toMatchObject({ description: `Shop ${round}`, version: changed.body.version });
      expect(byQuery.headers.etag).toBe(`"${changed.body.version}"`);
    }
  });

  it('waits for a read side that is behind, then answers the new state', async () => {
    await app.projections.stop();
    const changed = await app.admin().post(`${setup.base}/unblock`).expect(200);
    const stale = await app.admin().get(setup.base).expect(200);
    expect(Number(stale.headers['x-projection-position'])).toBeLessThan(changed.body.position);
    const waiting = app.admin().get(setup.base).set('X-Min-Position', String(changed.body.position)).then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, BOUND_MS / 3));
    await app.projections.start();
    const response = await waiting;
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ blocked: false, version: changed.body.version });
    expect(Number(response.headers['x-projection-position'])).toBeGreaterThanOrEqual(changed.body.position);
  });

  it('answers 503 with Retry-After once the bound has passed for a position the read side does not reach', async () => {
    const head = await app.headPosition();
    const started = Date.now();
    const response = await app.admin().get(`/api/v1/environments/${setup.environmentId}/app-connectors?minPosition=${head + 1}`);
    const waited = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(Number(response.headers['x-projection-position'])).toBeGreaterThanOrEqual(head);
    expect(waited).toBeGreaterThanOrEqual(BOUND_MS - 20);
    expect(waited).toBeLessThan(BOUND_MS + 2_000);
  });

  it.each(['minPosition=soon', 'minPosition=-1', 'minPosition=1&minPosition=2'])('refuses %s with 400', async (query) => {
    const response = await app.admin().get(`/api/v1/environments?${query}`).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'minPosition' })]);
  });

  it('refuses a malformed X-Min-Position with 400', async () => {
    const response = await app.admin().get('/api/v1/environments').set('X-Min-Position', 'later').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'X-Min-Position' })]);
  });

  it('stamps every answer with the position it reads at, also in list bodies', async () => {
    const response = await app.admin().get('/api/v1/environments').expect(200);
    expect(Number(response.headers['x-projection-position'])).toBe(response.body.position);
  });

  it('requires the admin key on every query route', async () => {
    const env = `/api/v1/environments/${setup.environmentId}`;
    for (const path of [
      '/api/v1/environments',
      `${env}/app-connectors`,
      `${env}/app-connectors/${setup.id}`,
      `${env}/app-connectors/${setup.id}/tokens`,
      `${env}/users`,
      `${env}/user-groups`,
      `${env}/user-groups/${setup.groupId}`,
    ]) {
      const response = await app.anonymous().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['x-projection-position']).toBeUndefined();
    }
  });

  it('documents the query routes and their parameters in OpenAPI', async () => {
    const { body } = await app.anonymous().get('/docs-json').expect(200);
    const list = body.paths['/api/v1/environments/{environmentId}/app-connectors'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['environmentId', 'limit', 'cursor', 'blocked', 'userGroupId', 'q', 'minPosition', 'X-Min-Position']),
    );
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '503']));
    expect(body.paths['/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/tokens'].get).toBeDefined();
    expect(body.paths['/api/v1/environments/{environmentId}/user-groups/{groupId}'].get).toBeDefined();
  });
});
