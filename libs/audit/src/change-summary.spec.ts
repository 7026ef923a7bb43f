import type { AppConnector } from '#domain';
import { summarizeChange } from './change-summary.js';

const before: AppConnector = {
  environmentId: '12345',
  appConnectorId: 'c-1',
  apiKey: '0123456789abcdef0123456789abcdef',
  description: 'Webshop',
  userGroupId: 'g-1',
  userGroupCreatedWithConnector: false,
  blocked: true,
  archived: false,
  getConnectors: [],
  updateConnectors: [],
  specialConnectors: [],
  ipRestrictions: [{ restrictionId: 'r-1', access: 'deny', cidr: '192.0.2.0/24', family: 'ipv4' }],
  tokens: [{ tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHint: '…A1B2', tokenHash: 'b'.repeat(64), revoked: false, expiresAt: null }],
  tokenValidityDays: null,
  rateLimit: null,
  pendingOtps: [],
};

describe('summarizeChange', () => {
  it.each([
    [{ type: 'AppConnectorCreated', data: { description: 'Webshop', userGroupId: 'g-1', blocked: true } }, 'created "Webshop" for user group g-1, blocked'],
    [{ type: 'AppConnectorDescriptionChanged', data: { description: 'Shop' } }, 'description changed from "Webshop" to "Shop"'],
    [{ type: 'AppConnectorUserGroupAssigned', data: { userGroupId: 'g-2' } }, 'user group g-2 assigned (was g-1)'],
    [{ type: 'AppConnectorBlocked', data: {} }, 'blocked'],
    [{ type: 'AppConnectorUnblocked', data: {} }, 'unblocked'],
    [{ type: 'AppConnectorArchived', data: {} }, 'deleted (archived: its tokens are refused, its history kept)'],
    [{ type: 'GetConnectorsGranted', data: { names: ['Profit_Debtors', 'Profit_Items'] } }, 'granted GetConnectors Profit_Debtors, Profit_Items'],
    [{ type: 'GetConnectorRevoked', data: { name: 'Profit_Debtors' } }, 'revoked GetConnector Profit_Debtors'],
    [{ type: 'UpdateConnectorsGranted', data: { names: ['KnSubject'] } }, 'granted UpdateConnectors KnSubject'],
    [{ type: 'UpdateConnectorRevoked', data: { name: 'KnSubject' } }, 'revoked UpdateConnector KnSubject'],
    [{ type: 'SpecialConnectorsAdded', data: { names: ['CommSvcConnector'] } }, 'special connectors CommSvcConnector added'],
    [{ type: 'SpecialConnectorRemoved', data: { name: 'CommSvcConnector' } }, 'special connector CommSvcConnector removed'],
    [{ type: 'IpRestrictionAdded', data: { access: 'allow', cidr: '10.0.0.0/8' } }, 'IP restriction allow 10.0.0.0/8 added'],
    [{ type: 'IpRestrictionRemoved', data: { restrictionId: 'r-1', cidr: '192.0.2.0/24' } }, 'IP restriction deny 192.0.2.0/24 removed'],
    [{ type: 'TokenGenerated', data: { tokenHint: '…C3D4', userId: '12345.jdoe', description: 'phone' } }, 'token …C3D4 for 12345.jdoe (phone) generated'],
    [{ type: 'TokenRevoked', data: { tokenId: 't-1', userId: '12345.jdoe' } }, 'token …A1B2 for 12345.jdoe (laptop) revoked'],
    [
      { type: 'OtpRequested', data: { userId: '12345.jdoe', description: 'phone', expiresAt: '2026-01-01T10:10:00.000Z', otpHash: 'a'.repeat(64) } },
      'one-time password requested by 12345.jdoe for a token (phone), valid until 2026-01-01T10:10:00.000Z',
    ],
    [{ type: 'OtpAttemptFailed', data: { userId: '12345.jdoe', failedAttempts: 2, locked: false } }, 'wrong one-time password for 12345.jdoe (attempt 2)'],
    [{ type: 'OtpAttemptFailed', data: { userId: '12345.jdoe', failedAttempts: 5, locked: true } }, 'wrong one-time password for 12345.jdoe (attempt 5, request void)'],
    [{ type: 'OtpAccepted', data: { userId: '12345.jdoe', tokenId: 't-2' } }, 'one-time password of 12345.jdoe accepted: token t-2'],
  ])('summarises %j', (event, summary) => {
    expect(summarizeChange(event, before)).toBe(summary);
  });

  it('still says something when the state before lacks what it names', () => {
    expect(summarizeChange({ type: 'TokenRevoked', data: { tokenId: 't-9', userId: '12345.x' } }, before)).toBe('token t-9 of 12345.x revoked');
    expect(summarizeChange({ type: 'IpRestrictionRemoved', data: { restrictionId: 'r-9', cidr: '10.0.0.0/8' } }, null)).toBe('IP restriction 10.0.0.0/8 removed');
  });

  it('names event types it does not know instead of failing', () => {
    expect(summarizeChange({ type: 'AppConnectorRenamedInFuture', data: {} }, before)).toBe('AppConnectorRenamedInFuture (no summary for this event type)');
  });
});
