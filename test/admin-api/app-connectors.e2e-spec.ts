import { connectorSetup, createGroup, registerEnvironment } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('app connectors: create, block, describe, grants', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates a blocked connector with a 32-hex apiKey on an existing group', async () => {
    const { created, groupId } = await connectorSetup(app.admin());
    expect(created.body).toMatchObject({ blocked: true, userGroupId: groupId, description: 'Webshop', version: 1 });
    expect(created.body.apiKey).toMatch(/^[0-9a-f]{32}$/);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body.position).toBeGreaterThan(0);
  });

  it('quick path: creates group, system user and a token shown once', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const response = await app
      .admin()
      .post(`/api/v1/environments/${environmentId}/app-connectors`)
      .send({ description: 'Accountancy link', createUserGroup: true, autoGenerateToken: true })
      .expect(201);
    const { token, systemUserId, userGroupId, id } = response.body;
    expect(token.token).toMatch(/^<token><version>1<\/version><data>[0-9A-F]{64}<\/data><\/token>$/);
    expect(systemUserId).toMatch(new RegExp(`^${environmentId}\\.accountancy-link-[0-9a-f]{6}$`));
    const group = await app.eventStore.readStream(`user-group-${environmentId}-${userGroupId}`);
    expect(group.map((e) => e.type)).toEqual(['UserGroupCreated', 'UserGroupMemberAdded']);
    expect(group[0]?.data).toMatchObject({ name: 'Accountancy link' });
    const connector = await app.eventStore.readStream(`app-connector-${environmentId}-${id}`);
    expect(connector.map((e) => e.type)).toEqual(['AppConnectorCreated', 'TokenGenerated']);
    const data = /<data>(.*)<\/data>/.exec(token.token)![1]!;
    expect(JSON.stringify(connector)).not.toContain(data);
  });

  it('quick path with a bad description writes nothing at all', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    await expectRefusedWithoutChange(
      app,
      () => app.admin().post(`/api/v1/environments/${environmentId}/app-connectors`).send({ description: '  ', createUserGroup: true }),
      400,
    );
  });

  it("quick path with special connectors: the seed's steps in one call, the specials added last", async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const response = await app
      .admin()
      .post(`/api/v1/environments/${environmentId}/app-connectors`)
      .send({ description: 'Accountancy messages', createUserGroup: true, autoGenerateToken: true, specialConnectors: ['CommSvcConnector'] })
      .expect(201);
    expect(response.body).toMatchObject({ specialConnectors: ['CommSvcConnector'], version: 3 });
    expect(response.headers.etag).toBe('"3"');
    expect(response.body.token.token).toMatch(/^<token><version>1<\/version><data>[0-9A-F]{64}<\/data><\/token>$/);
    const connector = await app.eventStore.readStream(`app-connector-${environmentId}-${response.body.id}`);
    expect(connector.map((e) => e.type)).toEqual(['AppConnectorCreated', 'TokenGenerated', 'SpecialConnectorsAdded']);
    expect(response.body.position).toBe(connector[2]!.position);
  });

  it('adds special connectors when created on an existing group too', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const groupId = await createGroup(app.admin(), environmentId);
    const response = await app
      .admin()
      .post(`/api/v1/environments/${environmentId}/app-connectors`)
      .send({ description: 'Attachments', userGroupId: groupId, specialConnectors: ['CommSvcConnector', 'AppConnectorSubject'] })
      .expect(201);
    expect(response.body).toMatchObject({ specialConnectors: ['AppConnectorSubject', 'CommSvcConnector'], version: 2 });
  });

  it('refuses a bad special connector name with 400 before anything is written, on either path', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const groupId = await createGroup(app.admin(), environmentId);
    const path = `/api/v1/environments/${environmentId}/app-connectors`;
    const bad = { description: 'X', specialConnectors: ['Comm Svc'] };
    await expectRefusedWithoutChange(app, () => app.admin().post(path).send({ ...bad, userGroupId: groupId }), 400);
    await expectRefusedWithoutChange(app, () => app.admin().post(path).send({ ...bad, createUserGroup: true, autoGenerateToken: true }), 400);
    await expectRefusedWithoutChange(app, () => app.admin().post(path).send({ description: 'X', userGroupId: groupId, specialConnectors: [] }), 400);
  });

  it('refuses an unknown user group (404), unknown environment (404) and malformed bodies (400)', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const path = `/api/v1/environments/${environmentId}/app-connectors`;
    await expectRefusedWithoutChange(app, () => app.admin().post(path).send({ description: 'X', userGroupId: 'nope' }), 404);
    await expectRefusedWithoutChange(app, () => app.admin().post(path).send({ description: 'X' }), 400);
    await expectRefusedWithoutChange(app, () => app.admin().post(path).send({ description: 'X', createUserGroup: false }), 400);
  });

  it('unblocks and blocks; repeating a state change appends nothing', async () => {
    const { base } = await connectorSetup(app.admin());
    const unblocked = await app.admin().post(`${base}/unblock`).expect(200);
    expect(unblocked.body).toMatchObject({ blocked: false, version: 2 });
    const position = await app.headPosition();
    const again = await app.admin().post(`${base}/unblock`).expect(200);
    expect(again.body.version).toBe(2);
    expect(await app.headPosition()).toBe(position);
    expect((await app.admin().post(`${base}/block`).expect(200)).body.blocked).toBe(true);
  });

  it('accepts a POST without a body although it says Content-Type: application/json (curl -H … -X POST)', async () => {
    const { base } = await connectorSetup(app.admin());
    const response = await app.admin().post(`${base}/unblock`).set('Content-Type', 'application/json').send('');
    expect(response.status).toBe(200);
    expect(response.body.blocked).toBe(false);
  });

  it('changes description and user group; refuses an unknown group', async () => {
    const { base, environmentId } = await connectorSetup(app.admin());
    const changed = await app.admin().put(`${base}/description`).send({ description: 'Shop v2' }).expect(200);
    expect(changed.body.description).toBe('Shop v2');
    const other = await createGroup(app.admin(), environmentId);
    expect((await app.admin().put(`${base}/user-group`).send({ userGroupId: other }).expect(200)).body.userGroupId).toBe(other);
    await expectRefusedWithoutChange(app, () => app.admin().put(`${base}/user-group`).send({ userGroupId: 'missing' }), 404);
    await expectRefusedWithoutChange(app, () => app.admin().put(`${base}/description`).send({ description: '' }), 400);
  });

  it('refuses commands on a connector that does not exist with 404', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    await expectRefusedWithoutChange(app, () => app.admin().post(`/api/v1/environments/${environmentId}/app-connectors/nope/unblock`), 404);
  });

  it.each(['get-connectors', 'update-connectors', 'special-connectors'])('grants and revokes %s', async (list) => {
    const { base } = await connectorSetup(app.admin());
    const field = { 'get-connectors': 'getConnectors', 'update-connectors': 'updateConnectors', 'special-connectors': 'specialConnectors' }[list]!;
    const granted = await app.admin().post(`${base}/${list}`).send({ names: ['Profit_Debtors', 'AppConnectorSubject'] }).expect(200);
    expect(granted.body[field]).toEqual(['AppConnectorSubject', 'Profit_Debtors']);
    const position = await app.headPosition();
    await app.admin().post(`${base}/${list}`).send({ names: ['Profit_Debtors'] }).expect(200);
    expect(await app.headPosition()).toBe(position);
    const revoked = await app.admin().delete(`${base}/${list}/Profit_Debtors`).expect(200);
    expect(revoked.body[field]).toEqual(['AppConnectorSubject']);
  });

  it('refuses bad connector names and empty lists with 400', async () => {
    const { base } = await connectorSetup(app.admin());
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/get-connectors`).send({ names: ['Bad Name'] }), 400);
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/get-connectors`).send({ names: [] }), 400);
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/other-connectors`).send({ names: ['A'] }), 400);
  });
});
