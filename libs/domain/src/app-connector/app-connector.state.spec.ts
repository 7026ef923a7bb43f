import { fold } from '../shared/decider.js';
import { appConnectorDecider } from './app-connector.decider.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { API_KEY, TOKEN_HASH, created, ref, restrictionAdded, tokenGenerated, tokenValiditySet, unblocked } from './app-connector.fixtures.js';

describe('app connector state', () => {
  it('is null before the connector is created', () => {
    expect(appConnectorDecider.initialState()).toBeNull();
  });

  it('shows everything the read side and auditors need', () => {
    const history: AppConnectorEvent[] = [
      created,
      { type: 'AppConnectorDescriptionChanged', data: { ...ref, description: 'Webshop NL' } },
      { type: 'AppConnectorUserGroupAssigned', data: { ...ref, userGroupId: 'shop-admins' } },
      unblocked,
      { type: 'GetConnectorsGranted', data: { ...ref, names: ['Profit_Debtor', 'Profit_Article'] } },
      { type: 'GetConnectorsGranted', data: { ...ref, names: ['Profit_Customer'] } },
      { type: 'GetConnectorRevoked', data: { ...ref, name: 'Profit_Debtor' } },
      { type: 'UpdateConnectorsGranted', data: { ...ref, names: ['KnSubject'] } },
      { type: 'SpecialConnectorsAdded', data: { ...ref, names: ['CommSvcConnector', 'AppConnectorSubject'] } },
      { type: 'SpecialConnectorRemoved', data: { ...ref, name: 'CommSvcConnector' } },
      restrictionAdded('r1', 'allow', '10.0.0.0/8'),
      restrictionAdded('r2', 'allow', '2001:db8::/32'),
      restrictionAdded('r3', 'allow', '1.2.3.4/32'),
      { type: 'IpRestrictionRemoved', data: { ...ref, restrictionId: 'r1', cidr: '10.0.0.0/8' } },
      tokenGenerated(),
      tokenGenerated({ tokenId: 't-2', userId: '12345.amy', description: 'Laptop', tokenHint: '…FFFF', expiresAt: '2026-04-01T00:00:00.000Z' }),
      tokenValiditySet(30),
      { type: 'TokenRevoked', data: { ...ref, tokenId: 't-1', userId: '12345.jdoe', tokenHash: TOKEN_HASH } },
    ];

    expect(fold(appConnectorDecider, history)).toEqual({
      ...ref,
      apiKey: API_KEY,
      description: 'Webshop NL',
      userGroupId: 'shop-admins',
      userGroupCreatedWithConnector: false,
      blocked: false,
      archived: false,
      getConnectors: ['Profit_Article', 'Profit_Customer'],
      updateConnectors: ['KnSubject'],
      specialConnectors: ['AppConnectorSubject'],
      ipRestrictions: [
        { restrictionId: 'r2', access: 'allow', cidr: '2001:db8::/32', family: 'ipv6' },
        { restrictionId: 'r3', access: 'allow', cidr: '1.2.3.4/32', family: 'ipv4' },
      ],
      tokens: [
        { tokenId: 't-1', userId: '12345.jdoe', description: 'iPhone', tokenHint: '…A1B2', tokenHash: TOKEN_HASH, revoked: true, expiresAt: null },
        {
          tokenId: 't-2', userId: '12345.amy', description: 'Laptop', tokenHint: '…FFFF', tokenHash: TOKEN_HASH, revoked: false, expiresAt: '2026-04-01T00:00:00.000Z',
        },
      ],
      tokenValidityDays: 30,
      rateLimit: null,
      pendingOtps: [],
    });
  });

  it('reads a token stored before tokens could expire as one that does not', () => {
    const { expiresAt: _, ...stored } = tokenGenerated().data;
    const state = fold(appConnectorDecider, [created, { type: 'TokenGenerated', data: stored }]);
    expect(state?.tokens[0]?.expiresAt).toBeNull();
  });

  it('blocks again after an unblock', () => {
    const state = fold(appConnectorDecider, [created, unblocked, { type: 'AppConnectorBlocked', data: ref }]);
    expect(state?.blocked).toBe(true);
  });

  it('keeps a deleted connector, archived, with its tokens', () => {
    const state = fold(appConnectorDecider, [created, unblocked, tokenGenerated(), { type: 'AppConnectorArchived', data: ref }]);
    expect(state).toMatchObject({ archived: true, blocked: false, tokens: [{ tokenId: 't-1', revoked: false }] });
  });
});
