import { hashTokenData } from '#domain';
import { connectorSetup, createGroup, registerEnvironment, registerUser } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAfter, readAllPages } from './read-side.fixtures.js';

const dataOf = (tokenText: string) => /<data>([0-9A-F]{64})<\/data>/.exec(tokenText)![1]!;

describe('token, user, user group and environment queries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists the tokens of a connector, live and revoked, without hash or token text anywhere', async () => {
    const { base, userId } = await connectorSetup(app.admin());
    const laptop = (await app.admin().post(`${base}/tokens`).send({ userId, description: 'Laptop' }).expect(201)).body;
    const phone = (await app.admin().post(`${base}/tokens`).send({ userId, description: 'Phone' }).expect(201)).body;
    const revoked = (await app.admin().delete(`${base}/tokens/${laptop.id}`).expect(200)).body;
    const response = await readAfter(app.admin(), `${base}/tokens`, revoked.position).expect(200);
    expect(response.body).toEqual({
      items: [
        { id: laptop.id, userId, description: 'Laptop', hint: laptop.hint, status: 'revoked', createdAt: expect.any(String), createdBy: 'admin', revokedAt: expect.any(String), revokedBy: 'admin', expiresAt: null, rotatedTo: null, lastUsedAt: null, refusal: 'token_revoked' },
        { id: phone.id, userId, description: 'Phone', hint: phone.hint, status: 'live', createdAt: expect.any(String), createdBy: 'admin', revokedAt: null, revokedBy: null, expiresAt: null, rotatedTo: null, lastUsedAt: null, refusal: null },
      ],
      position: expect.any(Number),
    });
    const connector = await readAfter(app.admin(), base, revoked.position).expect(200);
    expect(connector.body.tokenCount).toBe(1);
    const answers = JSON.stringify([response.body, response.headers, connector.body, connector.headers]);
    for (const token of [laptop.token, phone.token]) {
      expect(answers).not.toContain(hashTokenData(dataOf(token)));
      expect(answers.toUpperCase()).not.toContain(dataOf(token));
    }
  });

  it('answers 404 for the tokens of an unknown connector', async () => {
    const { environmentId, created } = await connectorSetup(app.admin());
    const response = await readAfter(app.admin(), `/api/v1/environments/${environmentId}/app-connectors/nope/tokens`, created.body.position);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('app_connector_not_found');
  });

  it('lists users with their groups, and groups with their members', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const jdoe = await registerUser(app.admin(), environmentId, 'jdoe');
    const ann = await registerUser(app.admin(), environmentId, 'ann');
    const groupId = await createGroup(app.admin(), environmentId, [jdoe, ann]);
    const removed = await app.admin().delete(`/api/v1/environments/${environmentId}/user-groups/${groupId}/members/${ann}`).expect(200);
    const position = removed.body.position as number;
    const users = await readAfter(app.admin(), `/api/v1/environments/${environmentId}/users`, position).expect(200);
    expect(users.body.items).toEqual([
      expect.objectContaining({ userId: jdoe, environmentId, kind: 'person', email: 'jdoe@example.com', groupIds: [groupId] }),
      expect.objectContaining({ userId: ann, groupIds: [] }),
    ]);
    expect(users.body).toMatchObject({ nextCursor: null, position: expect.any(Number) });

    const groups = await readAfter(app.admin(), `/api/v1/environments/${environmentId}/user-groups`, position).expect(200);
    expect(groups.body.items).toEqual([expect.objectContaining({ id: groupId, name: 'Integrations', members: [jdoe], version: 4 })]);
    const group = await readAfter(app.admin(), `/api/v1/environments/${environmentId}/user-groups/${groupId}`, position).expect(200);
    expect(group.body).toMatchObject({ id: groupId, environmentId, members: [jdoe], version: removed.body.version });
    expect(group.headers.etag).toBe(`"${removed.body.version}"`);
  });

  it('pages users and groups, and answers 404 for unknown environments and groups', async () => {
    const { environmentId } = await registerEnvironment(app.admin());
    const userIds: string[] = [];
    for (const local of ['u1', 'u2', 'u3', 'u4', 'u5']) userIds.push(await registerUser(app.admin(), environmentId, local));
    const groupId = await createGroup(app.admin(), environmentId, userIds);
    const position = await app.headPosition();
    const pages = await readAllPages(app.admin(), `/api/v1/environments/${environmentId}/users`, 2, position);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((user) => (user as unknown as { userId: string }).userId).sort()).toEqual(userIds);

    const { environmentId: other } = await registerEnvironment(app.admin());
    for (const path of [`/api/v1/environments/${other}/user-groups/${groupId}`, '/api/v1/environments/99999999/users', '/api/v1/environments/99999999/user-groups']) {
      expect((await readAfter(app.admin(), path, position)).status).toBe(404);
    }
  });

  it('lists environments, oldest first, across pages', async () => {
    const mine = [(await registerEnvironment(app.admin())).environmentId, (await registerEnvironment(app.admin())).environmentId];
    const pages = await readAllPages(app.admin(), '/api/v1/environments', 2, await app.headPosition());
    const ids = pages.flat().map((environment) => (environment as unknown as { environmentId: string }).environmentId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(-2)).toEqual(mine);
    expect(pages.flat()[0]).toEqual({ environmentId: expect.any(String), name: expect.any(String), createdAt: expect.any(String), createdBy: 'admin' });
  });
});
