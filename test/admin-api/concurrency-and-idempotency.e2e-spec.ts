import { connectorSetup, registerEnvironment } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('optimistic concurrency and idempotency', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('applies a command whose If-Match is current and refuses a stale one with 412', async () => {
    const { base } = await connectorSetup(app.admin());
    const changed = await app.admin().put(`${base}/description`).set('If-Match', '"1"').send({ description: 'v2' }).expect(200);
    expect(changed.headers.etag).toBe('"2"');
    const stale = await expectRefusedWithoutChange(
      app,
      () => app.admin().put(`${base}/description`).set('If-Match', '"1"').send({ description: 'v3' }),
      412,
    );
    expect(stale.body.detail).toContain('version 2');
  });

  it('refuses an If-Match that is not an ETag with 400', async () => {
    const { base } = await connectorSetup(app.admin());
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/unblock`).set('If-Match', 'yesterday'), 400);
  });

  it('loses no update under concurrent writers: each answer is applied (200) or refused (409)', async () => {
    const { base, environmentId, id } = await connectorSetup(app.admin());
    const names = Array.from({ length: 20 }, (_, i) => `Conn_${i}`);
    const responses = await Promise.all(names.map((name) => app.admin().post(`${base}/get-connectors`).send({ names: [name] })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const granted = names.filter((_, i) => statuses[i] === 200);
    const events = await app.eventStore.readStream(`app-connector-${environmentId}-${id}`);
    expect(events.slice(1).map((e) => (e.data as { names: string[] }).names[0]).sort()).toEqual(granted.sort());
    const conflict = responses.find((r) => r.status === 409);
    if (conflict) expect(conflict.body.code).toBe('concurrent_write');
  });

  it('answers a retried POST with the same Idempotency-Key with the first answer and appends nothing', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const path = `/api/v1/environments/${environmentId}/app-connectors`;
    const body = { description: 'Retry me', createUserGroup: true, autoGenerateToken: true };
    const first = await app.admin().post(path).set('Idempotency-Key', 'key-1').send(body).expect(201);
    const position = await app.headPosition();
    const retry = await app.admin().post(path).set('Idempotency-Key', 'key-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await app.headPosition()).toBe(position);
  });

  it('refuses the same Idempotency-Key with a different request (422) and a bad key (400)', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const path = `/api/v1/environments/${environmentId}/app-connectors`;
    await app.admin().post(path).set('Idempotency-Key', 'key-2').send({ description: 'A', createUserGroup: true }).expect(201);
    await expectRefusedWithoutChange(
      app,
      () => app.admin().post(path).set('Idempotency-Key', 'key-2').send({ description: 'B', createUserGroup: true }),
      422,
    );
    await expectRefusedWithoutChange(
      app,
      () => app.admin().post(path).set('Idempotency-Key', 'bad key with spaces').send({ description: 'C', createUserGroup: true }),
      400,
    );
  });

  it('does not store a refused answer: the same key may be used again after fixing the request', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const path = `/api/v1/environments/${environmentId}/app-connectors`;
    await expectRefusedWithoutChange(app, () => app.admin().post(path).set('Idempotency-Key', 'key-3').send({ description: 'X', userGroupId: 'nope' }), 404);
    await app.admin().post(path).set('Idempotency-Key', 'key-3').send({ description: 'X', userGroupId: 'nope' }).expect(404);
  });

  it('never logs admin keys, environment keys or tokens', async () => {
    const { environmentId, environmentKey } = await registerEnvironment(app.admin());
    const created = await app
      .admin()
      .post(`/api/v1/environments/${environmentId}/app-connectors`)
      .send({ description: 'Logs', createUserGroup: true, autoGenerateToken: true })
      .expect(201);
    const logs = app.logs();
    expect(logs).toContain(`/api/v1/environments/${environmentId}/app-connectors`);
    expect(logs).not.toContain(environmentKey);
    expect(logs).not.toContain(/<data>(.*)<\/data>/.exec(created.body.token.token)![1]);
    expect(logs).not.toContain('e2e-admin-key');
  });
});
