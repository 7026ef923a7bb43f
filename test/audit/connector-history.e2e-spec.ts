import { startTestApp, type TestApp } from '../support/test-app.js';
import { connectorStory, streamOf } from './support/connector-story.js';

describe('GET …/app-connectors/{id}/history', () => {
  let app: TestApp;
  let story: Awaited<ReturnType<typeof connectorStory>>;
  beforeAll(async () => {
    app = await startTestApp();
    story = await connectorStory(app.admin());
  });
  afterAll(() => app.close());

  const history = (query = '') => app.admin().get(`${story.base}/history${query}`);

  it('pages through every event in order, without gaps or duplicates', async () => {
    const seen: { version: number; position: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response: { body: { items: typeof seen; nextCursor: string | null } } = await history(`?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`).expect(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.items);
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen.map((event) => event.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const positions = seen.map((event) => event.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
    const whole = await history().expect(200);
    expect(whole.body).toEqual({ items: seen, nextCursor: null });
  });

  it('shows who, when, from where and what, matching the stored events', async () => {
    const stored = await app.eventStore.readStream(streamOf(story.environmentId, story.id));
    const { body } = await history('?limit=500').expect(200);
    expect(body.items.map((event: { type: string }) => event.type)).toEqual(stored.map((event) => event.type));
    expect(body.items[1]).toEqual({
      version: 2,
      position: stored[1]!.position,
      time: stored[1]!.metadata.time,
      actor: 'admin',
      correlationId: stored[1]!.metadata.correlationId,
      causationId: stored[1]!.metadata.causationId,
      sourceIp: '127.0.0.1',
      type: 'GetConnectorsGranted',
      data: { environmentId: story.environmentId, appConnectorId: story.id, names: ['Profit_Debtors'] },
    });
    expect(body.items[3]).toMatchObject({ type: 'TokenGenerated', data: { tokenId: story.tokenId, tokenHint: story.tokenHint, description: 'laptop' } });
  });

  it('never shows a token hash or the token text', async () => {
    const stored = await app.eventStore.readStream(streamOf(story.environmentId, story.id));
    const tokenHash = String(stored.find((event) => event.type === 'TokenGenerated')!.data.tokenHash);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const text = (await history('?limit=500').expect(200)).text;
    for (const secret of [tokenHash, story.tokenData, story.tokenData.toLowerCase(), '<token>', 'tokenHash']) expect(text).not.toContain(secret);
  });

  it('answers 404 problem+json for an unknown connector or environment', async () => {
    for (const path of [`/api/v1/environments/${story.environmentId}/app-connectors/unknown/history`, '/api/v1/environments/99999/app-connectors/unknown/history?cursor=5']) {
      const response = await app.admin().get(path).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, code: 'app_connector_not_found' });
    }
  });

  it('answers an empty last page past the end of an existing stream', async () => {
    expect((await history('?cursor=50').expect(200)).body).toEqual({ items: [], nextCursor: null });
  });

  it.each(['?limit=0', '?limit=501', '?limit=2.5', '?limit=ten', '?cursor=-1', '?cursor=abc', '?page=2', '?limit=1&limit=2'])('refuses %s with 400', async (query) => {
    const response = await history(query).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: query.startsWith('?cursor=') ? 'invalid_cursor' : 'validation_failed' });
  });

  it('refuses requests without the admin key with 401', async () => {
    const response = await app.anonymous().get(`${story.base}/history`).expect(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('is documented in OpenAPI with its query parameters', async () => {
    const { body } = await app.anonymous().get('/docs-json').expect(200);
    const operation = body.paths['/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/history'].get;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['limit', 'cursor']));
    expect(body.paths['/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/as-of'].get).toBeDefined();
  });
});
