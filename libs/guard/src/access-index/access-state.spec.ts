import { hashTokenData } from '#domain';
import { CONNECTOR, e, ENV, GROUP, liveConnector, positioned, TOKEN_DATA, USER } from '../testing/access-events.js';
import { AccessState } from './access-state.js';

const stateOf = (events: ReturnType<typeof positioned>) => {
  const state = new AccessState();
  for (const event of events) state.apply(event);
  return state;
};

describe('AccessState', () => {
  it('indexes tokens by hash, connectors by environment and id, members by group', () => {
    const state = stateOf(positioned(liveConnector()));
    const owner = { tokenId: 't1', environmentId: ENV, appConnectorId: CONNECTOR, userId: USER, device: 'laptop' };
    expect(state.tokenByHash(hashTokenData(TOKEN_DATA))).toEqual({ revoked: false, expiresAtMs: Infinity, owner, granted: { ...owner, allowed: true, code: 'allowed', expiresAt: null } });
    expect(state.connector(ENV, CONNECTOR)).toMatchObject({ blocked: false, userGroupId: GROUP, description: 'Webshop' });
    expect([...state.connector(ENV, CONNECTOR)!.getConnectors]).toEqual(['Profit_Article']);
    expect(state.isMember(ENV, GROUP, USER)).toBe(true);
    expect(state.hasEnvironment(ENV)).toBe(true);
    expect(state.position).toBe(9);
  });

  it('finds a connector by its apiKey within its environment only', () => {
    const state = stateOf(positioned(liveConnector()));
    expect(state.connectorIdByApiKey(ENV, 'k'.repeat(32))).toBe(CONNECTOR);
    expect(state.connectorIdByApiKey('99999', 'k'.repeat(32))).toBeUndefined();
    expect(state.connectorIdByApiKey(ENV, 'j'.repeat(32))).toBeUndefined();
  });

  it('follows revocations, blocks, membership, grants and group changes', () => {
    const state = stateOf(
      positioned([...liveConnector(), e.tokenRevoked(), e.blocked(), e.memberRemoved(), e.getRevoked('Profit_Article'), e.groupAssigned('g2')]),
    );
    expect(state.tokenByHash(hashTokenData(TOKEN_DATA))).toMatchObject({ revoked: true, owner: { tokenId: 't1', userId: USER } });
    expect(state.connector(ENV, CONNECTOR)).toMatchObject({ blocked: true, userGroupId: 'g2' });
    expect(state.connector(ENV, CONNECTOR)!.getConnectors).toEqual([]);
    expect(state.isMember(ENV, GROUP, USER)).toBe(false);
  });

  it('recompiles IP lines when one is added or removed', () => {
    const state = stateOf(positioned([...liveConnector(), e.ipAdded('r1', 'allow', '10.0.0.0/8'), e.ipAdded('r2', 'allow', '192.0.2.1/32')]));
    const permits = (address: string) => state.connector(ENV, CONNECTOR)!.ipRules.permits({ family: 'ipv4', address });
    expect([permits('10.1.2.3'), permits('192.0.2.1'), permits('192.0.2.2')]).toEqual([true, true, false]);
    state.apply({ ...e.ipRemoved('r1', '10.0.0.0/8'), position: 100 });
    expect([permits('10.1.2.3'), permits('192.0.2.1')]).toEqual([false, true]);
  });

  it('keeps what an event leaves unchanged: grant lists and compiled IP lines stay the same objects', () => {
    const state = stateOf(positioned([...liveConnector(), e.ipAdded('r1', 'allow', '10.0.0.0/8')]));
    const before = state.connector(ENV, CONNECTOR)!;
    state.apply({ ...e.blocked(), position: 100 });
    const blocked = state.connector(ENV, CONNECTOR)!;
    expect(blocked).toMatchObject({ blocked: true, revision: before.revision + 1 });
    for (const part of ['ipRules', 'getConnectors', 'updateConnectors', 'specialConnectors'] as const) expect(blocked[part]).toBe(before[part]);
    state.apply({ ...e.getGranted('Profit_Debtor'), position: 101 });
    const granted = state.connector(ENV, CONNECTOR)!;
    expect(granted.getConnectors).toEqual(['Profit_Article', 'Profit_Debtor']);
    expect(granted.getConnectors).not.toBe(blocked.getConnectors);
    expect(granted.ipRules).toBe(blocked.ipRules);
  });

  it('indexes each token by hash, and only a changed token again', () => {
    const other = 'FEDCBA9876543210'.repeat(4);
    const state = stateOf(positioned([...liveConnector(), e.token('t2', other)]));
    const first = state.tokenByHash(hashTokenData(TOKEN_DATA));
    const connector = state.connector(ENV, CONNECTOR);
    state.apply({ ...e.tokenRevoked('t2', USER, other), position: 100 });
    expect(state.tokenByHash(hashTokenData(other))).toMatchObject({ owner: { tokenId: 't2' }, revoked: true });
    expect(state.tokenByHash(hashTokenData(TOKEN_DATA))).toBe(first);
    // Nothing the connector's view reads changed: same view, same revision (a surface's cache holds).
    expect(state.connector(ENV, CONNECTOR)).toBe(connector);
  });

  it('indexes no token of a connector that was never created', () => {
    const state = stateOf(positioned([e.environment(), e.token()]));
    expect(state.tokenByHash(hashTokenData(TOKEN_DATA))).toBeUndefined();
  });

  it('knows the members of a group whatever order they were added in', () => {
    const users = ['12345.zoe', '12345.adam', '12345.mia', '12345.bob'];
    const state = stateOf(positioned([e.groupCreated(), ...users.map((user) => e.member(user))]));
    expect(users.map((user) => state.isMember(ENV, GROUP, user))).toEqual([true, true, true, true]);
    expect([state.isMember(ENV, GROUP, '12345.carl'), state.isMember(ENV, 'g2', '12345.zoe')]).toEqual([false, false]);
  });

  it('changes nothing when the same events are applied twice', () => {
    const events = positioned([...liveConnector(), e.tokenRevoked(), e.blocked()]);
    const once = stateOf(events);
    const twice = stateOf([...events, ...events]);
    expect(twice).toEqual(once);
    // A replayed unblock (position already applied) must not undo the later block.
    twice.apply(events.find((event) => event.type === 'AppConnectorUnblocked')!);
    expect(twice.connector(ENV, CONNECTOR)?.blocked).toBe(true);
  });

  it('skips events it does not index but counts their position', () => {
    const state = stateOf(positioned([{ type: 'UserRegistered', data: { environmentId: ENV, userId: USER } }]));
    expect(state.position).toBe(1);
  });

  it('moves past an event that fails to apply, throwing for the index to report', () => {
    const state = new AccessState();
    expect(() => state.apply({ type: 'GetConnectorsGranted', data: { environmentId: ENV, appConnectorId: CONNECTOR }, position: 1 })).not.toThrow();
    state.apply({ ...e.created(), position: 2 });
    expect(() => state.apply({ type: 'GetConnectorsGranted', data: { environmentId: ENV, appConnectorId: CONNECTOR }, position: 3 })).toThrow(TypeError);
    expect(state.position).toBe(3);
  });
});
