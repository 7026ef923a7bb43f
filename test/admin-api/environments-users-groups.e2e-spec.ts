import { createGroup, registerEnvironment, registerUser, uniqueEnvironmentId } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('environments, users and user groups', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const expectNothingAppended = (call: () => PromiseLike<{ status: number; body: any; headers: any }>, status: number) =>
    expectRefusedWithoutChange(app, call, status);

  it('registers an environment and shows its 32-hex key once, storing only a hash', async () => {
    const environmentId = uniqueEnvironmentId();
    const response = await app.admin().post('/api/v1/environments').send({ environmentId, name: 'Acme' }).expect(201);
    expect(response.body).toMatchObject({ environmentId, name: 'Acme', version: 1 });
    expect(response.body.environmentKey).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.etag).toBe('"1"');
    const [event] = await app.eventStore.readStream(`environment-${environmentId}`);
    expect(JSON.stringify(event)).not.toContain(response.body.environmentKey);
  });

  it('refuses a second registration of the same environment with 409', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const response = await expectNothingAppended(
      () => app.admin().post('/api/v1/environments').send({ environmentId, name: 'Again' }),
      409,
    );
    expect(response.body.detail).toContain('already');
  });

  it.each([
    ['a bad environment id', { environmentId: '12 345', name: 'x' }],
    ['a missing name', { environmentId: '44444' }],
    ['an unknown field', { environmentId: '44444', name: 'x', colour: 'red' }],
    ['an empty name', { environmentId: '44444', name: '   ' }],
  ])('refuses %s with 400 and field errors', async (_, body) => {
    const response = await expectNothingAppended(() => app.admin().post('/api/v1/environments').send(body), 400);
    expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('refuses malformed JSON with 400', async () => {
    await expectNothingAppended(
      () => app.admin().post('/api/v1/environments').set('content-type', 'application/json').send('{"environmentId":'),
      400,
    );
  });

  it('registers users; refuses unknown environments, foreign ids and persons without e-mail', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    await registerUser(app.admin(), environmentId, 'jdoe');
    const users = `/api/v1/environments/${environmentId}/users`;
    await expectNothingAppended(
      () => app.admin().post('/api/v1/environments/99999999/users').send({ userId: '99999999.x', email: 'x@example.com', name: 'x' }),
      404,
    );
    await expectNothingAppended(() => app.admin().post(users).send({ userId: '55555.jdoe', email: 'j@example.com', name: 'J' }), 400);
    await expectNothingAppended(() => app.admin().post(users).send({ userId: `${environmentId}.nomail`, name: 'N', kind: 'person' }), 400);
    await expectNothingAppended(
      () => app.admin().post(users).send({ userId: `${environmentId}.jdoe`, email: 'other@example.com', name: 'jdoe' }),
      409,
    );
  });

  it('manages group membership idempotently', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const userId = await registerUser(app.admin(), environmentId);
    const groupId = await createGroup(app.admin(), environmentId);
    const members = `/api/v1/environments/${environmentId}/user-groups/${groupId}/members`;
    const added = await app.admin().post(members).send({ userId }).expect(201);
    expect(added.body.members).toEqual([userId]);
    const position = await app.headPosition();
    await app.admin().post(members).send({ userId }).expect(201);
    expect(await app.headPosition()).toBe(position);
    const removed = await app.admin().delete(`${members}/${userId}`).expect(200);
    expect(removed.body.members).toEqual([]);
  });

  it('refuses members that do not exist and groups that do not exist', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const groupId = await createGroup(app.admin(), environmentId);
    const groups = `/api/v1/environments/${environmentId}/user-groups`;
    await expectNothingAppended(() => app.admin().post(`${groups}/${groupId}/members`).send({ userId: `${environmentId}.ghost` }), 404);
    await expectNothingAppended(() => app.admin().post(`${groups}/no-such-group/members`).send({ userId: `${environmentId}.x` }), 404);
    await expectNothingAppended(() => app.admin().post('/api/v1/environments/77777777/user-groups').send({ name: 'G' }), 404);
  });
});
