import type { AdminClient } from './test-app.js';

let counter = 0;
/** A fresh environment id per test, so tests in one file never see each other's streams. */
export const uniqueEnvironmentId = () => `${Date.now() % 100000}${++counter}`.slice(-9);

export async function registerEnvironment(admin: AdminClient, environmentId = uniqueEnvironmentId()) {
  const response = await admin.post('/api/v1/environments').send({ environmentId, name: `Env ${environmentId}` }).expect(201);
  return { environmentId, environmentKey: response.body.environmentKey as string };
}

export async function registerUser(admin: AdminClient, environmentId: string, local = 'jdoe') {
  const userId = `${environmentId}.${local}`;
  await admin
    .post(`/api/v1/environments/${environmentId}/users`)
    .send({ userId, email: `${local}@example.com`, name: local, kind: 'person' })
    .expect(201);
  return userId;
}

export async function createGroup(admin: AdminClient, environmentId: string, members: string[] = []) {
  const response = await admin.post(`/api/v1/environments/${environmentId}/user-groups`).send({ name: 'Integrations' }).expect(201);
  const groupId = response.body.id as string;
  for (const userId of members) {
    await admin.post(`/api/v1/environments/${environmentId}/user-groups/${groupId}/members`).send({ userId }).expect(201);
  }
  return groupId;
}

/** An environment with a user in a group and a (blocked) connector on that group. */
export async function connectorSetup(admin: AdminClient) {
  const { environmentId } = await registerEnvironment(admin);
  const userId = await registerUser(admin, environmentId);
  const groupId = await createGroup(admin, environmentId, [userId]);
  const created = await admin
    .post(`/api/v1/environments/${environmentId}/app-connectors`)
    .send({ description: 'Webshop', userGroupId: groupId })
    .expect(201);
  const id = created.body.id as string;
  return { environmentId, userId, groupId, id, base: `/api/v1/environments/${environmentId}/app-connectors/${id}`, created };
}
