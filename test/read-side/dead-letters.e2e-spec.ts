import { connectorSetup } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', sourceIp: null, time: new Date().toISOString(), schemaVersion: 1 };

describe('dead letters: a poison event is skipped, shown and retried', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('records an event a projection cannot apply, keeps projecting, shows it on /health and in the admin query', async () => {
    const { environmentId, id } = await connectorSetup(app.admin());
    const other = await connectorSetup(app.admin());
    // Written past the decider, as a bug or a hand-edited store would: `names` is not a list.
    const bad = { type: 'GetConnectorsGranted', data: { environmentId, appConnectorId: id, names: 5 }, metadata };
    // In a stream of its own, so that only the projections meet it (the write side never reads it).
    const poison = await app.eventStore.appendToStream('corrupted-by-hand', [bad], { expectedRevision: 'no_stream' });
    const after = await app.admin().put(`${other.base}/description`).send({ description: 'After the poison' }).expect(200);
    const read = await app.admin().get(`${other.base}?minPosition=${after.body.position}`).expect(200);
    expect(read.body.description).toBe('After the poison');

    const letters = await app.admin().get('/api/v1/projections/dead-letters').expect(200);
    expect(letters.body.items).toEqual([
      expect.objectContaining({ projection: 'app_connectors', position: poison.position, type: 'GetConnectorsGranted', error: expect.any(String) }),
    ]);
    const health = await app.anonymous().get('/health').expect(200);
    expect(health.body.details.projections).toMatchObject({ status: 'degraded', deadLetters: 1 });
    const status = await app.admin().get('/api/v1/projections').expect(200);
    expect(status.body.deadLetters).toBe(1);

    const retried = await app.admin().post(`/api/v1/projections/dead-letters/${letters.body.items[0].id}/retry`);
    expect(retried.status).toBe(422);
    expect(retried.body.detail).toContain('failed again');
    await app.admin().post('/api/v1/projections/dead-letters/no-such-letter/retry').expect(404);
    await app.anonymous().get('/api/v1/projections/dead-letters').expect(401);
  });
});
