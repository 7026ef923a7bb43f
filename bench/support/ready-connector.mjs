// A connector the guard lets through: environment, a user in a group, the connector with
// Profit_Article granted, unblocked. The benches then issue its tokens.
import { admin } from './service.mjs';

export async function readyConnector(url, env) {
  await admin(url, 'POST', '/api/v1/environments', { environmentId: env, name: 'Bench' });
  await admin(url, 'POST', `/api/v1/environments/${env}/users`, { userId: `${env}.bench`, email: 'bench@example.com', name: 'Bench', kind: 'person' });
  const group = await admin(url, 'POST', `/api/v1/environments/${env}/user-groups`, { name: 'Bench' });
  await admin(url, 'POST', `/api/v1/environments/${env}/user-groups/${group.id}/members`, { userId: `${env}.bench` });
  const connector = await admin(url, 'POST', `/api/v1/environments/${env}/app-connectors`, { description: 'Bench', userGroupId: group.id });
  const base = `/api/v1/environments/${env}/app-connectors/${connector.id}`;
  await admin(url, 'POST', `${base}/get-connectors`, { names: ['Profit_Article'] });
  await admin(url, 'POST', `${base}/unblock`, {});
  return { base, groupId: group.id, group: `/api/v1/environments/${env}/user-groups/${group.id}` };
}
