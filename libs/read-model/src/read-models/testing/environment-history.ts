import {
  appConnectorStreamName,
  communicationStreamName,
  messageStreamName,
  environmentStreamName,
  userGroupStreamName,
  userStreamName,
  type AppConnectorEvent,
  type CommunicationEvent,
  type MessageEvent,
  type EnvironmentEvent,
  type UserEvent,
  type UserGroupEvent,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';

type AnyDomainEvent = EnvironmentEvent | UserEvent | UserGroupEvent | AppConnectorEvent | CommunicationEvent | MessageEvent;

export const ENV = '12345';
export const OTHER_ENV = '67890';
export const JDOE = `${ENV}.jdoe`;
export const WEBSHOP_USER = `${ENV}.webshop`;
export const HASH_LAPTOP = 'a'.repeat(64);
export const HASH_SERVER = 'b'.repeat(64);

/**
 * A realistic history of two environments, in the order the application writes it: users, groups
 * with members coming and going, a connector taken through every kind of change, tokens generated
 * and revoked, a workflow receiving two messages of an unblocked type, one handled. Times advance a minute per event; `bob` makes the last changes to the webshop.
 */
export async function appendEnvironmentHistory(store: EventStore): Promise<RecordedEvent[]> {
  let minute = 0;
  const append = async (streamId: string, event: AnyDomainEvent, actor = 'alice') => {
    const time = new Date(Date.UTC(2025, 2, 1, 9, minute++)).toISOString();
    const metadata = { actor, correlationId: 'c', causationId: 'c', sourceIp: '127.0.0.1', time, schemaVersion: 1 };
    await store.appendToStream(streamId, [{ type: event.type, data: event.data, metadata }], { expectedRevision: 'any' });
  };
  const group = (environmentId: string, groupId: string, event: UserGroupEvent) => append(userGroupStreamName(environmentId, groupId), event);
  const connector = (appConnectorId: string, event: AppConnectorEvent, actor?: string) =>
    append(appConnectorStreamName(event.data.environmentId, appConnectorId), event, actor);
  const webshop = { environmentId: ENV, appConnectorId: 'c1' };

  for (const environmentId of [ENV, OTHER_ENV]) {
    await append(environmentStreamName(environmentId), { type: 'EnvironmentRegistered', data: { environmentId, name: `Env ${environmentId}`, environmentKeyHash: 'f'.repeat(64) } });
  }
  await append(userStreamName(JDOE), { type: 'UserRegistered', data: { environmentId: ENV, userId: JDOE, email: 'jdoe@example.com', name: 'J. Doe', kind: 'person' } });
  await append(userStreamName(WEBSHOP_USER), { type: 'UserRegistered', data: { environmentId: ENV, userId: WEBSHOP_USER, email: null, name: 'Webshop', kind: 'system' } });
  await group(ENV, 'g1', { type: 'UserGroupCreated', data: { environmentId: ENV, groupId: 'g1', name: 'Integrations' } });
  await group(ENV, 'g2', { type: 'UserGroupCreated', data: { environmentId: ENV, groupId: 'g2', name: 'Payroll' } });
  await group(OTHER_ENV, 'g1', { type: 'UserGroupCreated', data: { environmentId: OTHER_ENV, groupId: 'g1', name: 'Elsewhere' } });
  await group(ENV, 'g1', { type: 'UserGroupMemberAdded', data: { environmentId: ENV, groupId: 'g1', userId: WEBSHOP_USER } });
  await group(ENV, 'g1', { type: 'UserGroupMemberAdded', data: { environmentId: ENV, groupId: 'g1', userId: JDOE } });
  await group(ENV, 'g2', { type: 'UserGroupMemberAdded', data: { environmentId: ENV, groupId: 'g2', userId: JDOE } });
  await group(ENV, 'g2', { type: 'UserGroupMemberRemoved', data: { environmentId: ENV, groupId: 'g2', userId: JDOE } });

  const created = { apiKey: '0'.repeat(32), userGroupId: 'g1', userGroupCreatedWithConnector: false, blocked: true } as const;
  await connector('c1', { type: 'AppConnectorCreated', data: { ...webshop, ...created, description: 'Webshop' } });
  await connector('c1', { type: 'AppConnectorDescriptionChanged', data: { ...webshop, description: 'Webshop NL' } });
  await connector('c1', { type: 'GetConnectorsGranted', data: { ...webshop, names: ['Articles', 'Orders'] } });
  await connector('c1', { type: 'GetConnectorRevoked', data: { ...webshop, name: 'Orders' } });
  await connector('c1', { type: 'UpdateConnectorsGranted', data: { ...webshop, names: ['Orders'] } });
  await connector('c1', { type: 'SpecialConnectorsAdded', data: { ...webshop, names: ['Zeta'] } });
  await connector('c1', { type: 'SpecialConnectorsAdded', data: { ...webshop, names: ['Alpha'] } });
  await connector('c1', { type: 'IpRestrictionAdded', data: { ...webshop, restrictionId: 'r1', access: 'allow', cidr: '10.0.0.0/8', family: 'ipv4' } });
  await connector('c1', { type: 'IpRestrictionAdded', data: { ...webshop, restrictionId: 'r2', access: 'allow', cidr: '2001:db8::/32', family: 'ipv6' } });
  await connector('c1', { type: 'IpRestrictionRemoved', data: { ...webshop, restrictionId: 'r1', cidr: '10.0.0.0/8' } });
  const token = { tokenHint: '…1234' };
  await connector('c1', { type: 'TokenGenerated', data: { ...webshop, ...token, tokenId: 't1', userId: JDOE, description: 'Laptop', tokenHash: HASH_LAPTOP } });
  await connector('c1', { type: 'TokenGenerated', data: { ...webshop, ...token, tokenId: 't2', userId: WEBSHOP_USER, description: 'Server', tokenHash: HASH_SERVER } });
  await connector('c1', { type: 'TokenRevoked', data: { ...webshop, tokenId: 't1', userId: JDOE, tokenHash: HASH_LAPTOP } }, 'bob');
  await connector('c1', { type: 'AppConnectorUnblocked', data: webshop }, 'bob');

  const payroll = { environmentId: ENV, appConnectorId: 'c2' };
  await connector('c2', { type: 'AppConnectorCreated', data: { ...payroll, ...created, userGroupId: 'g2', description: 'Payroll' } });
  await connector('c2', { type: 'AppConnectorUserGroupAssigned', data: { ...payroll, userGroupId: 'g1' } });
  const elsewhere = { environmentId: OTHER_ENV, appConnectorId: 'c1' };
  await connector('c1', { type: 'AppConnectorCreated', data: { ...elsewhere, ...created, description: 'Webshop' } });
  const retired = { environmentId: OTHER_ENV, appConnectorId: 'c3' };
  await connector('c3', { type: 'AppConnectorCreated', data: { ...retired, ...created, description: 'Retired shop' } });
  await connector('c3', { type: 'AppConnectorArchived', data: retired });

  const communication = (event: CommunicationEvent) => append(communicationStreamName(ENV), event);
  await communication({ type: 'WorkflowCreated', data: { environmentId: ENV, workflowId: 'w1', name: 'Aangiften' } });
  await communication({ type: 'WorkflowCreated', data: { environmentId: ENV, workflowId: 'w2', name: 'KvK' } });
  await communication({ type: 'MessageTypeUnblocked', data: { environmentId: ENV, code: 'btw-aangifte', workflowId: 'w1' } });
  const message = (messageId: string, event: MessageEvent, actor?: string) => append(messageStreamName(ENV, messageId), event, actor);
  const sent = { environmentId: ENV, workflowId: 'w1', appConnectorId: 'c1', userId: WEBSHOP_USER, messageType: 'btw-aangifte' };
  await message('m1', { type: 'MessageReceived', data: { ...sent, messageId: 'm1', reference: 'Q1', payload: { period: 'Q1' } } }, WEBSHOP_USER);
  await message('m2', { type: 'MessageReceived', data: { ...sent, messageId: 'm2', reference: 'Q2', payload: { period: 'Q2' } } }, WEBSHOP_USER);
  await message('m1', { type: 'MessageHandled', data: { environmentId: ENV, messageId: 'm1', workflowId: 'w1' } });
  await communication({ type: 'MessageTypeBlocked', data: { environmentId: ENV, code: 'btw-aangifte' } });
  return store.readAll();
}
