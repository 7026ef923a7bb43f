import { ADMIN_KEY, startTestApp, type TestApp } from '../support/test-app.js';

describe('admin authentication, docs and health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each([
    ['no Authorization header', undefined],
    ['a wrong key', 'Bearer not-the-admin-key-at-all'],
    ['another scheme', `Basic ${ADMIN_KEY}`],
  ])('refuses %s with 401 problem+json and appends nothing', async (_, header) => {
    const before = await app.headPosition();
    const call = app.anonymous().post('/api/v1/environments').send({ environmentId: '11111', name: 'x' });
    const response = await (header ? call.set('Authorization', header) : call);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(await app.headPosition()).toBe(before);
  });

  it('records the key name as the actor of every event', async () => {
    await app.admin().post('/api/v1/environments').send({ environmentId: '22222', name: 'Acme' }).expect(201);
    const [event] = await app.eventStore.readStream('environment-22222');
    expect(event?.metadata).toMatchObject({ actor: 'admin', schemaVersion: 1, sourceIp: '127.0.0.1' });
    expect(event?.metadata.correlationId).toEqual(expect.any(String));
  });

  it('takes the correlation id from X-Correlation-Id', async () => {
    await app.admin().post('/api/v1/environments').set('X-Correlation-Id', 'corr-42').send({ environmentId: '33333', name: 'A' }).expect(201);
    const [event] = await app.eventStore.readStream('environment-33333');
    expect(event?.metadata.correlationId).toBe('corr-42');
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await app.anonymous().get('/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/environments',
        '/api/v1/environments/{environmentId}/app-connectors',
        '/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/ip-restrictions',
        '/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/token-validity',
        '/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/tokens/{tokenId}/rotate',
        '/ProfitRestServices/OtpRequest',
        '/ProfitRestServices/OtpValidation',
      ]),
    );
    const generate = json.body.paths['/api/v1/environments/{environmentId}/app-connectors/{appConnectorId}/tokens'].post;
    expect(JSON.stringify(generate.requestBody)).toContain('expiresAt');
    await app.anonymous().get('/docs').expect(200);
  });

  it('reports health', async () => {
    const response = await app.anonymous().get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.eventStore.status).toBe('up');
    const head = response.body.details.eventStore.headPosition;
    expect(response.body.details.guard).toEqual({ status: 'up', state: 'running', position: head, lastError: null });
    expect(response.body.details.mail).toMatchObject({ status: 'up', failed: 0 });
  });
});
