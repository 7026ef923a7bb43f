import { createGroup, registerEnvironment, registerUser } from '../../support/fixtures.js';
import type { AdminClient } from '../../support/test-app.js';

export const GET_CONNECTOR = 'Profit_Article';
export const UPDATE_CONNECTOR = 'KnSubject';

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
export const afasHeader = (tokenXml: string) => `AfasToken ${base64(tokenXml)}`;

/** An environment (fresh unless given, then registered already) with a user in a group and a blocked connector on it. */
async function connectorIn(admin: AdminClient, given?: string) {
  const environmentId = given ?? (await registerEnvironment(admin)).environmentId;
  const userId = await registerUser(admin, environmentId);
  const groupId = await createGroup(admin, environmentId, [userId]);
  const created = await admin.post(`/api/v1/environments/${environmentId}/app-connectors`).send({ description: 'Webshop', userGroupId: groupId }).expect(201);
  const id = created.body.id as string;
  return { environmentId, userId, groupId, id, base: `/api/v1/environments/${environmentId}/app-connectors/${id}` };
}

/** A connector that lets its user's token through: granted one Get and one UpdateConnector and AppConnectorSubject, unblocked. */
export async function readyConnector(admin: AdminClient, environmentId?: string) {
  const setup = await connectorIn(admin, environmentId);
  await admin.post(`${setup.base}/get-connectors`).send({ names: [GET_CONNECTOR] }).expect(200);
  await admin.post(`${setup.base}/update-connectors`).send({ names: [UPDATE_CONNECTOR] }).expect(200);
  await admin.post(`${setup.base}/special-connectors`).send({ names: ['AppConnectorSubject'] }).expect(200);
  await admin.post(`${setup.base}/unblock`).expect(200);
  const issued = await admin.post(`${setup.base}/tokens`).send({ userId: setup.userId, description: 'laptop' }).expect(201);
  const token = issued.body.token as string;
  return { ...setup, token, tokenId: issued.body.id as string, authorization: afasHeader(token) };
}

export type ReadyConnector = Awaited<ReturnType<typeof readyConnector>>;

/** Host of the `{env}.rest…` form. */
export const hostOf = (environmentId: string) => `${environmentId}.rest.example.com`;
