import { connectorSetup, createGroup, registerEnvironment, registerUser } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('user groups: rename and delete', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const groupPath = (environmentId: string, groupId: string) => `/api/v1/environments/${environmentId}/user-groups/${groupId}`;
  const typesOf = async (environmentId: string, groupId: string) => (await app.eventStore.readStream(`user-group-${environmentId}-${groupId}`)).map((event) => event.type);

  describe('PUT …/user-groups/{groupId}/name', () => {
    it('renames the group: one UserGroupRenamed, the read side shows the new name', async () => {
      const { environmentId } = await registerEnvironment(app.admin());
      const groupId = await createGroup(app.admin(), environmentId);
      const answer = await app.admin().put(`${groupPath(environmentId, groupId)}/name`).send({ name: ' Webshop NL ' }).expect(200);
      expect(answer.body).toMatchObject({ id: groupId, name: 'Webshop NL', deleted: false, version: 2 });
      expect(answer.headers.etag).toBe('"2"');
      expect(await typesOf(environmentId, groupId)).toEqual(['UserGroupCreated', 'UserGroupRenamed']);
      const read = await app.admin().get(`${groupPath(environmentId, groupId)}?minPosition=${answer.body.position}`).expect(200);
      expect(read.body).toMatchObject({ name: 'Webshop NL' });
      const before = await app.headPosition();
      await app.admin().put(`${groupPath(environmentId, groupId)}/name`).send({ name: 'Webshop NL' }).expect(200);
      expect(await app.headPosition()).toBe(before);
    });

    it('refuses a bad name (400), a stale If-Match (412) and an unknown group (404), nothing appended', async () => {
      const { environmentId } = await registerEnvironment(app.admin());
      const groupId = await createGroup(app.admin(), environmentId);
      const rename = () => app.admin().put(`${groupPath(environmentId, groupId)}/name`);
      await expectRefusedWithoutChange(app, () => rename().send({ name: ' ' }), 400);
      await expectRefusedWithoutChange(app, () => rename().send({ name: 'A\u0000' }), 400);
      await expectRefusedWithoutChange(app, () => rename().set('If-Match', '"7"').send({ name: 'Other' }), 412);
      const unknown = await expectRefusedWithoutChange(app, () => app.admin().put(`${groupPath(environmentId, 'nope')}/name`).send({ name: 'X' }), 404);
      expect(unknown.body.code).toBe('user_group_not_found');
    });
  });

  describe('DELETE …/user-groups/{groupId}', () => {
    it('refuses a group that app connectors use with 422 naming them, nothing appended', async () => {
      const setup = await connectorSetup(app.admin());
      const second = await app.admin().post(`/api/v1/environments/${setup.environmentId}/app-connectors`).send({ description: 'Second', userGroupId: setup.groupId }).expect(201);
      const response = await expectRefusedWithoutChange(app, () => app.admin().delete(groupPath(setup.environmentId, setup.groupId)), 422);
      expect(response.body.code).toBe('user_group_in_use');
      expect(response.body.detail).toContain([setup.id, second.body.id].sort().join(', '));
    });

    it('does not count a connector moved to another group or a deleted one', async () => {
      const setup = await connectorSetup(app.admin());
      const connectors = `/api/v1/environments/${setup.environmentId}/app-connectors`;
      const moved = await app.admin().post(connectors).send({ description: 'Moved', userGroupId: setup.groupId }).expect(201);
      const elsewhere = await createGroup(app.admin(), setup.environmentId);
      await app.admin().put(`${connectors}/${moved.body.id}/user-group`).send({ userGroupId: elsewhere }).expect(200);
      await expectRefusedWithoutChange(app, () => app.admin().delete(groupPath(setup.environmentId, setup.groupId)), 422);
      await app.admin().delete(setup.base).expect(200);
      const answer = await app.admin().delete(groupPath(setup.environmentId, setup.groupId)).expect(200);
      expect(answer.body).toMatchObject({ id: setup.groupId, deleted: true, members: [] });
      expect(await typesOf(setup.environmentId, setup.groupId)).toEqual(['UserGroupCreated', 'UserGroupMemberAdded', 'UserGroupMemberRemoved', 'UserGroupDeleted']);
    });

    it('takes the group off the read side: GET 404, the list and the members\' groups without it', async () => {
      const { environmentId } = await registerEnvironment(app.admin());
      const userId = await registerUser(app.admin(), environmentId);
      const groupId = await createGroup(app.admin(), environmentId, [userId]);
      const kept = await createGroup(app.admin(), environmentId, [userId]);
      const { position } = (await app.admin().delete(groupPath(environmentId, groupId)).expect(200)).body;
      await app.admin().get(`${groupPath(environmentId, groupId)}?minPosition=${position}`).expect(404);
      const list = await app.admin().get(`/api/v1/environments/${environmentId}/user-groups?minPosition=${position}`).expect(200);
      expect(list.body.items.map((group: { id: string }) => group.id)).toEqual([kept]);
      const users = await app.admin().get(`/api/v1/environments/${environmentId}/users?minPosition=${position}`).expect(200);
      expect(users.body.items).toEqual([expect.objectContaining({ userId, groupIds: [kept] })]);
    });

    it('refuses every later command on the group with 409 user_group_deleted, and gives it to no connector (404)', async () => {
      const { environmentId } = await registerEnvironment(app.admin());
      const userId = await registerUser(app.admin(), environmentId);
      const groupId = await createGroup(app.admin(), environmentId);
      const connector = await app.admin().post(`/api/v1/environments/${environmentId}/app-connectors`).send({ description: 'Other', createUserGroup: true }).expect(201);
      await app.admin().delete(groupPath(environmentId, groupId)).expect(200);
      for (const call of [
        () => app.admin().delete(groupPath(environmentId, groupId)),
        () => app.admin().put(`${groupPath(environmentId, groupId)}/name`).send({ name: 'Again' }),
        () => app.admin().post(`${groupPath(environmentId, groupId)}/members`).send({ userId }),
        () => app.admin().delete(`${groupPath(environmentId, groupId)}/members/${userId}`),
      ]) {
        expect((await expectRefusedWithoutChange(app, call, 409)).body.code).toBe('user_group_deleted');
      }
      const connectors = `/api/v1/environments/${environmentId}/app-connectors`;
      for (const call of [
        () => app.admin().post(connectors).send({ description: 'New', userGroupId: groupId }),
        () => app.admin().put(`${connectors}/${connector.body.id}/user-group`).send({ userGroupId: groupId }),
      ]) {
        expect((await expectRefusedWithoutChange(app, call, 404)).body.code).toBe('user_group_not_found');
      }
    });

    it('is described in OpenAPI', async () => {
      const { paths } = (await app.anonymous().get('/docs-json').expect(200)).body;
      const group = '/api/v1/environments/{environmentId}/user-groups/{groupId}';
      expect(paths[group].delete.responses).toHaveProperty('422');
      expect(paths[`${group}/name`]).toHaveProperty('put');
    });
  });
});
