// Realistic event streams for the projection benchmark: per environment its registration, users, one
// user group with members, and app connectors that live through grants, IP restrictions and tokens.
import { createHash, randomUUID } from 'node:crypto';

const USERS_PER_ENVIRONMENT = 4;
const CONNECTORS_PER_ENVIRONMENT = 20;
const GET_CONNECTORS = ['Profit_Debtors', 'Profit_Creditors', 'Profit_Items', 'Profit_Employees', 'Profit_Projects', 'Profit_Invoices'];
const hash = (text) => createHash('sha256').update(text).digest('hex');

/** Yields `{ streamId, events }` until at least `total` events were produced; times rise 1 s per event. */
export function* environmentStreams(total, startTime = Date.UTC(2024, 0, 1)) {
  let produced = 0;
  let clock = startTime;
  const metadata = () => {
    const correlationId = randomUUID();
    clock += 1000;
    return { actor: 'admin', correlationId, causationId: correlationId, sourceIp: '10.0.0.1', time: new Date(clock).toISOString(), schemaVersion: 1 };
  };
  for (let e = 0; produced < total; e++) {
    const environmentId = String(10000 + e);
    const emit = (streamId, changes) => {
      produced += changes.length;
      return { streamId, events: changes.map(([type, data]) => ({ type, data: { environmentId, ...data }, metadata: metadata() })) };
    };
    yield emit(`environment-${environmentId}`, [['EnvironmentRegistered', { name: `Customer ${e}`, environmentKeyHash: hash(`key-${e}`) }]]);
    const userIds = Array.from({ length: USERS_PER_ENVIRONMENT }, (_, u) => `${environmentId}.user${u}`);
    for (const userId of userIds) {
      yield emit(`user-${userId}`, [['UserRegistered', { userId, email: `${userId}@example.com`, name: userId, kind: 'person' }]]);
    }
    const groupId = randomUUID();
    yield emit(`user-group-${environmentId}-${groupId}`, [
      ['UserGroupCreated', { groupId, name: 'Integrations' }],
      ...userIds.map((userId) => ['UserGroupMemberAdded', { groupId, userId }]),
    ]);
    for (let c = 0; c < CONNECTORS_PER_ENVIRONMENT; c++) {
      const appConnectorId = randomUUID();
      yield emit(`app-connector-${environmentId}-${appConnectorId}`, connectorLife(appConnectorId, groupId, userIds, c));
    }
  }
}

function connectorLife(appConnectorId, groupId, userIds, c) {
  const token = (n) => ({ tokenId: `${appConnectorId}-t${n}`, userId: userIds[n % userIds.length], description: `device ${n}`, tokenHash: hash(`${appConnectorId}${n}`), tokenHint: `…${(1000 + n).toString(16).toUpperCase()}` });
  const ref = { appConnectorId };
  const names = GET_CONNECTORS.slice(c % 3, (c % 3) + 3);
  return [
    ['AppConnectorCreated', { ...ref, apiKey: hash(appConnectorId).slice(0, 32), description: `Connector ${c}`, userGroupId: groupId, userGroupCreatedWithConnector: false, blocked: true }],
    ['GetConnectorsGranted', { ...ref, names }],
    ['UpdateConnectorsGranted', { ...ref, names: ['KnSubject'] }],
    ['IpRestrictionAdded', { ...ref, restrictionId: `${appConnectorId}-r1`, access: 'allow', cidr: '10.0.0.0/8', family: 'ipv4' }],
    ['IpRestrictionAdded', { ...ref, restrictionId: `${appConnectorId}-r2`, access: 'allow', cidr: `192.168.${c}.0/24`, family: 'ipv4' }],
    ['TokenGenerated', { ...ref, ...token(1) }],
    ['TokenGenerated', { ...ref, ...token(2) }],
    ['AppConnectorUnblocked', ref],
    ['AppConnectorDescriptionChanged', { ...ref, description: `Connector ${c} (production)` }],
    ['GetConnectorRevoked', { ...ref, name: names[0] }],
    ['SpecialConnectorsAdded', { ...ref, names: ['CommSvcConnector'] }],
    ['TokenRevoked', { ...ref, tokenId: token(1).tokenId, userId: token(1).userId, tokenHash: token(1).tokenHash }],
    ['TokenGenerated', { ...ref, ...token(3) }],
    ['IpRestrictionRemoved', { ...ref, restrictionId: `${appConnectorId}-r2`, cidr: `192.168.${c}.0/24` }],
    ['AppConnectorBlocked', ref],
    ['AppConnectorUnblocked', ref],
  ];
}
