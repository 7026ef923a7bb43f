import { registerEnvironment, registerUser } from '../support/fixtures.js';
import { startGuardedApp, type GuardedApp } from '../guard/support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from '../guard/support/profit-fixtures.js';
import { SURFACES } from '../guard/support/surfaces.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('users: change details, deactivate, reactivate', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp();
  });
  afterAll(() => app.close());

  const userPath = (ready: { environmentId: string; userId: string }) => `/api/v1/environments/${ready.environmentId}/users/${ready.userId}`;
  const metaInfo = (ready: ReadyConnector) =>
    app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization);
  const listedUser = async (ready: ReadyConnector, position: number) => {
    const { body } = await app.admin().get(`/api/v1/environments/${ready.environmentId}/users?minPosition=${position}`).expect(200);
    return body.items.find((user: { userId: string }) => user.userId === ready.userId);
  };
  const streamOf = (userId: string) => app.eventStore.readStream(`user-${userId}`);

  async function ready() {
    const connector = await readyConnector(app.admin());
    await app.caughtUp();
    return connector;
  }

  describe('PATCH …/users/{userId}', () => {
    it('changes the e-mail address and the name: one UserDetailsChanged, the users list shows them', async () => {
      const connector = await ready();
      const answer = await app.admin().patch(userPath(connector)).send({ email: 'john@example.com', name: 'John Doe' }).expect(200);
      const stream = await streamOf(connector.userId);
      expect(stream.map((event) => event.type)).toEqual(['UserRegistered', 'UserDetailsChanged']);
      expect(answer.body).toMatchObject({ userId: connector.userId, email: 'john@example.com', name: 'John Doe', active: true, version: 2, position: stream[1]!.position });
      expect(answer.headers.etag).toBe('"2"');
      expect(await listedUser(connector, answer.body.position)).toMatchObject({ email: 'john@example.com', name: 'John Doe', active: true });
    });

    it('keeps a field left out, and appends nothing when nothing changes', async () => {
      const connector = await ready();
      await app.admin().patch(userPath(connector)).send({ name: 'J. D.' }).expect(200, /"email":"jdoe@example.com"/);
      const before = await app.headPosition();
      const same = await app.admin().patch(userPath(connector)).send({ name: 'J. D.' }).expect(200);
      expect(same.body).toMatchObject({ version: 2 });
      expect(await app.headPosition()).toBe(before);
    });

    it.each([
      ['an invalid e-mail address', { email: 'nope' }, 400],
      ['no e-mail address for a person', { email: null }, 400],
      ['an unknown field', { kind: 'system' }, 400],
    ])('refuses %s, nothing appended', async (_, body, status) => {
      const connector = await ready();
      await expectRefusedWithoutChange(app, () => app.admin().patch(userPath(connector)).send(body), status);
    });

    it('refuses a stale If-Match with 412', async () => {
      const connector = await ready();
      await app.admin().patch(userPath(connector)).send({ name: 'Second' }).expect(200);
      await expectRefusedWithoutChange(app, () => app.admin().patch(userPath(connector)).set('If-Match', '"1"').send({ name: 'Third' }), 412);
    });

    it('answers 404 for an unknown user and for a user under another environment', async () => {
      const connector = await ready();
      const other = await registerEnvironment(app.admin());
      const unknown = await expectRefusedWithoutChange(app, () => app.admin().patch(`${userPath(connector)}x`).send({ name: 'X' }), 404);
      expect(unknown.body.code).toBe('user_not_found');
      const elsewhere = `/api/v1/environments/${other.environmentId}/users/${connector.userId}`;
      expect((await expectRefusedWithoutChange(app, () => app.admin().patch(elsewhere).send({ name: 'X' }), 404)).body.code).toBe('user_not_found');
    });
  });

  describe('deactivate and reactivate', () => {
    it('refuses every token of a deactivated user at once: MetaInfo 401 (user_deactivated), verify user_deactivated', async () => {
      const connector = await ready();
      const second = await app.admin().post(`${connector.base}/tokens`).send({ userId: connector.userId, description: 'phone' }).expect(201);
      const answer = await app.admin().post(`${userPath(connector)}/deactivate`).expect(200);
      expect(answer.body).toMatchObject({ userId: connector.userId, active: false, version: 2 });
      expect((await streamOf(connector.userId)).map((event) => event.type)).toEqual(['UserRegistered', 'UserDeactivated']);
      await app.caughtUp();

      const refused = await metaInfo(connector).expect(401);
      expect(refused.body.externalMessage).toBe('Token is not valid or not correctly applied: the user is deactivated');
      const line = app.logs().split('\n').find((entry) => entry.includes(refused.body.profitLogReference));
      expect(JSON.parse(line!)).toMatchObject({ code: 'user_deactivated' });
      expect(await SURFACES.verify(app, connector)).toMatchObject({ allowed: false, code: 'user_deactivated' });
      expect(await SURFACES.verify(app, { ...connector, token: second.body.token })).toMatchObject({ allowed: false, code: 'user_deactivated' });
      expect(await listedUser(connector, answer.body.position)).toMatchObject({ active: false });
    });

    it('lets the tokens in again after a reactivation', async () => {
      const connector = await ready();
      await app.admin().post(`${userPath(connector)}/deactivate`).expect(200);
      const answer = await app.admin().post(`${userPath(connector)}/reactivate`).expect(200);
      expect(answer.body).toMatchObject({ active: true, version: 3 });
      await app.caughtUp();
      await metaInfo(connector).expect(200);
      expect(await listedUser(connector, answer.body.position)).toMatchObject({ active: true });
    });

    it('appends nothing when the user is already in the asked state', async () => {
      const connector = await ready();
      const before = await app.headPosition();
      expect((await app.admin().post(`${userPath(connector)}/reactivate`).expect(200)).body).toMatchObject({ active: true, version: 1 });
      await app.admin().post(`${userPath(connector)}/deactivate`).expect(200);
      const afterFirst = await app.headPosition();
      expect(afterFirst).toBeGreaterThan(before);
      await app.admin().post(`${userPath(connector)}/deactivate`).expect(200);
      expect(await app.headPosition()).toBe(afterFirst);
    });

    it('answers a retry with the same Idempotency-Key with the first answer', async () => {
      const connector = await ready();
      const first = await app.admin().post(`${userPath(connector)}/deactivate`).set('Idempotency-Key', `deactivate-${connector.userId}`).expect(200);
      await app.admin().post(`${userPath(connector)}/reactivate`).expect(200);
      const before = await app.headPosition();
      const retry = await app.admin().post(`${userPath(connector)}/deactivate`).set('Idempotency-Key', `deactivate-${connector.userId}`).expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await app.headPosition()).toBe(before);
    });

    it('answers 404 for an unknown user, nothing appended', async () => {
      const { environmentId } = await registerEnvironment(app.admin());
      const userId = await registerUser(app.admin(), environmentId);
      for (const action of ['deactivate', 'reactivate']) {
        const response = await expectRefusedWithoutChange(app, () => app.admin().post(`${userPath({ environmentId, userId })}x/${action}`), 404);
        expect(response.body.code).toBe('user_not_found');
      }
    });

    it('is described in OpenAPI', async () => {
      const { paths } = (await app.anonymous().get('/docs-json').expect(200)).body;
      const user = '/api/v1/environments/{environmentId}/users/{userId}';
      expect(paths[user]).toHaveProperty('patch');
      expect(paths[`${user}/deactivate`]).toHaveProperty('post');
      expect(paths[`${user}/reactivate`]).toHaveProperty('post');
    });
  });
});
