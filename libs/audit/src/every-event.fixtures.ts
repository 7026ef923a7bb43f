import type { RecordedEvent } from '#event-store';
import type { AnyDomainEvent } from './event-summary.js';

/** Test data: one event of every type the domain writes, its secret fields holding the values below. */
export const SECRETS = {
  tokenHash: 'a1'.repeat(32),
  environmentKeyHash: 'e2'.repeat(32),
  otpHash: 'f3'.repeat(32),
  payload: 'payload-of-a-vat-return',
};

const env = { environmentId: '12345' };
const connector = { ...env, appConnectorId: 'c-1' };
const group = { ...env, groupId: 'g-1' };
const user = { ...env, userId: '12345.jdoe' };
const message = { ...env, messageId: 'm-1', workflowId: 'w-1' };
const { tokenHash, environmentKeyHash, otpHash } = SECRETS;

type EveryEvent = { [T in AnyDomainEvent['type']]: Extract<AnyDomainEvent, { type: T }>['data'] };

/** The compiler demands an entry for every event type, so a new one cannot be left untested. */
const EVERY_EVENT = {
  EnvironmentRegistered: { ...env, name: 'Acme', environmentKeyHash },
  EnvironmentKeyRotated: { ...env, environmentKeyHash },
  UserRegistered: { ...user, email: 'jdoe@example.com', name: 'J. Doe', kind: 'person' },
  UserDetailsChanged: { ...user, email: null, name: 'John Doe' },
  UserDeactivated: user,
  UserReactivated: user,
  UserGroupCreated: { ...group, name: 'Webshop users' },
  UserGroupMemberAdded: { ...group, userId: '12345.jdoe' },
  UserGroupMemberRemoved: { ...group, userId: '12345.jdoe' },
  UserGroupRenamed: { ...group, name: 'Shop users' },
  UserGroupDeleted: group,
  AppConnectorCreated: { ...connector, apiKey: '0123456789abcdef0123456789abcdef', description: 'Webshop', userGroupId: 'g-1', userGroupCreatedWithConnector: false, blocked: true },
  AppConnectorDescriptionChanged: { ...connector, description: 'Shop' },
  AppConnectorUserGroupAssigned: { ...connector, userGroupId: 'g-2' },
  AppConnectorBlocked: connector,
  AppConnectorUnblocked: connector,
  AppConnectorArchived: connector,
  GetConnectorsGranted: { ...connector, names: ['Profit_Debtors'] },
  GetConnectorRevoked: { ...connector, name: 'Profit_Debtors' },
  UpdateConnectorsGranted: { ...connector, names: ['KnSubject'] },
  UpdateConnectorRevoked: { ...connector, name: 'KnSubject' },
  SpecialConnectorsAdded: { ...connector, names: ['CommSvcConnector'] },
  SpecialConnectorRemoved: { ...connector, name: 'CommSvcConnector' },
  IpRestrictionAdded: { ...connector, restrictionId: 'r-1', access: 'allow', cidr: '10.0.0.0/8', family: 'ipv4' },
  IpRestrictionRemoved: { ...connector, restrictionId: 'r-1', cidr: '10.0.0.0/8' },
  TokenGenerated: { ...connector, tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHash, tokenHint: '…A1B2', expiresAt: null },
  TokenRevoked: { ...connector, tokenId: 't-1', userId: '12345.jdoe', tokenHash },
  TokenRotated: { ...connector, tokenId: 't-1', userId: '12345.jdoe', tokenHash, newTokenId: 't-2', expiresAt: '2026-01-02T00:00:00.000Z' },
  TokenValiditySet: { ...connector, days: 30 },
  RateLimitSet: { ...connector, limit: { requestsPerSecond: 10, burst: 20 } },
  OtpRequested: { ...connector, requestId: 'o-1', userId: '12345.jdoe', description: 'phone', otpHash, expiresAt: '2026-01-01T10:10:00.000Z' },
  OtpAttemptFailed: { ...connector, requestId: 'o-1', userId: '12345.jdoe', failedAttempts: 1, locked: false },
  OtpAccepted: { ...connector, requestId: 'o-1', userId: '12345.jdoe', tokenId: 't-3' },
  WorkflowCreated: { ...env, workflowId: 'w-1', name: 'VAT returns' },
  MessageTypeUnblocked: { ...env, code: 'btw-aangifte', workflowId: 'w-1' },
  MessageTypeWorkflowLinked: { ...env, code: 'btw-aangifte', workflowId: 'w-2' },
  MessageTypeBlocked: { ...env, code: 'btw-aangifte' },
  MessageReceived: { ...message, appConnectorId: 'c-1', userId: '12345.webshop', messageType: 'btw-aangifte', reference: 'Q1', payload: { period: 'Q1', body: SECRETS.payload } },
  MessageHandled: message,
} satisfies EveryEvent;

/** Each of them as the event store records it, one position apart. */
export const everyRecordedEvent = (): RecordedEvent[] =>
  Object.entries(EVERY_EVENT).map(([type, data], index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    streamId: `stream-${index}`,
    type,
    data,
    metadata: { actor: 'admin', correlationId: `corr-${index}`, causationId: `cause-${index}`, sourceIp: '203.0.113.7', time: `2026-01-01T10:${String(index).padStart(2, '0')}:00.000Z`, schemaVersion: 1 },
    revision: 0,
    position: index + 1,
  }));
