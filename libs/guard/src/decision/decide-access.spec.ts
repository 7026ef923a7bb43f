import { parseClientAddress } from '#domain';
import { AccessState } from '../access-index/access-state.js';
import { AUTHORIZATION, CONNECTOR, e, ENV, liveConnector, positioned, TOKEN_DATA, TOKEN_XML, USER } from '../testing/access-events.js';
import type { AccessRequest } from './access-decision.js';
import { decideAccess } from './decide-access.js';

const index = (...extra: { type: string; data: Record<string, unknown> }[]) => {
  const state = new AccessState();
  for (const event of positioned([...liveConnector(), ...extra])) state.apply(event);
  return state;
};

const request = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({
  environmentId: ENV,
  authorizationHeader: AUTHORIZATION,
  clientAddress: parseClientAddress('203.0.113.7'),
  connector: { kind: 'get', name: 'Profit_Article' },
  now: NOW,
  ...overrides,
});

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const EXPIRY = '2026-11-21T12:00:00.000Z';
/** The live connector whose one token expires at EXPIRY. */
function expiringIndex(...extra: { type: string; data: Record<string, unknown> }[]) {
  const state = new AccessState();
  const events = liveConnector().map((event) => (event.type === 'TokenGenerated' ? e.token('t1', TOKEN_DATA, USER, EXPIRY) : event));
  for (const event of positioned([...events, ...extra])) state.apply(event);
  return state;
}

const owner = { environmentId: ENV, appConnectorId: CONNECTOR, userId: USER, tokenId: 't1', device: 'laptop' };

describe('decideAccess', () => {
  it('allows a live token for a granted connector and names its owner', () => {
    expect(decideAccess(index(), request())).toEqual({ allowed: true, code: 'allowed', expiresAt: null, ...owner });
  });

  it.each([
    ['get', 'Profit_Article'],
    ['update', 'KnSubject'],
    ['special', 'AppConnectorSubject'],
  ] as const)('allows the granted %s connector %s', (kind, name) => {
    expect(decideAccess(index(), request({ connector: { kind, name } })).allowed).toBe(true);
  });

  it('needs no grant for MetaInfo', () => {
    expect(decideAccess(index(e.getRevoked('Profit_Article')), request({ connector: { kind: 'metainfo' } })).allowed).toBe(true);
  });

  it('takes the token as XML text or its base64 form instead of the header', () => {
    for (const token of [TOKEN_XML, Buffer.from(TOKEN_XML).toString('base64')]) {
      expect(decideAccess(index(), request({ authorizationHeader: undefined, token })).allowed).toBe(true);
    }
  });

  it.each([
    ['no header', { authorizationHeader: undefined }, 'token_missing', 401],
    ['another scheme', { authorizationHeader: 'Bearer abc' }, 'token_malformed', 401],
    ['the plain XML in the header', { authorizationHeader: `AfasToken ${TOKEN_XML}` }, 'token_plain', 401],
    ['an unknown token', { authorizationHeader: AUTHORIZATION.slice(0, -8) + 'QUJDRA==' }, 'token_malformed', 401],
    ['a token nobody was given', { token: TOKEN_XML.replace('0123', '9999'), authorizationHeader: undefined }, 'token_unknown', 401],
    ['another environment', { environmentId: '99999' }, 'wrong_environment', 401],
    ['an ungranted GetConnector', { connector: { kind: 'get', name: 'Profit_Employee' } }, 'connector_not_granted', 401],
    ['a GetConnector name as UpdateConnector', { connector: { kind: 'update', name: 'Profit_Article' } }, 'connector_not_granted', 401],
  ] as const)('refuses %s', (_, overrides, code, status) => {
    expect(decideAccess(index(), request(overrides))).toMatchObject({ allowed: false, code, status });
  });

  it.each([
    ['a revoked token', [e.tokenRevoked()], 'token_revoked', 401, 'Token is not valid or not correctly applied'],
    ['a user no longer in the group', [e.memberRemoved()], 'not_in_user_group', 401, 'Token is not valid or not correctly applied'],
    ['a user outside a newly assigned group', [e.groupAssigned('g2')], 'not_in_user_group', 401, 'Token is not valid or not correctly applied'],
    ['a deleted connector', [e.archived()], 'connector_archived', 401, 'Token is not valid or not correctly applied: the app connector was deleted'],
    ['a blocked connector', [e.blocked()], 'connector_blocked', 403, 'App connector is blocked'],
    ['an address outside the allow lines', [e.ipAdded('r1', 'allow', '10.0.0.0/8')], 'ip_restricted', 403, 'Forbidden; Due to IP restrictions'],
    ['an address on a deny line', [e.ipAdded('r1', 'deny', '203.0.113.0/24')], 'ip_restricted', 403, 'Forbidden; Due to IP restrictions'],
    ['an ungranted connector', [e.getRevoked('Profit_Article')], 'connector_not_granted', 401, 'valid token but no access to this endpoint'],
  ])('refuses %s, naming the owner for the log', (_, extra, code, status, externalMessage) => {
    expect(decideAccess(index(...extra), request())).toEqual({ allowed: false, code, status, externalMessage, owner });
  });

  describe('a token with an expiry', () => {
    it('is allowed until the millisecond before it and tells MetaInfo when it expires', () => {
      expect(decideAccess(expiringIndex(), request({ now: NOW - 1 }))).toEqual({ allowed: true, code: 'allowed', expiresAt: EXPIRY, ...owner });
    });

    it.each([
      ['at its expiry', NOW],
      ['after it', NOW + 86_400_000],
    ])('is refused %s as expired, saying so, naming the owner', (_, now) => {
      expect(decideAccess(expiringIndex(), request({ now }))).toEqual({
        allowed: false, code: 'token_expired', status: 401, externalMessage: 'Token has expired', owner,
      });
    });

    it('is refused as expired also by the verify form, for MetaInfo and whatever else is wrong after the token', () => {
      const call = request({ now: NOW, authorizationHeader: undefined, token: TOKEN_XML, environmentId: '99999', connector: { kind: 'metainfo' } });
      expect(decideAccess(expiringIndex(e.blocked()), call).code).toBe('token_expired');
    });

    it('is refused as revoked when it is both revoked and expired', () => {
      expect(decideAccess(expiringIndex(e.tokenRevoked()), request({ now: NOW })).code).toBe('token_revoked');
    });

    it('does not make a token without expiry expire, however late', () => {
      expect(decideAccess(index(), request({ now: Date.parse('9999-12-31T00:00:00Z') })).allowed).toBe(true);
    });
  });

  describe('a rotated token', () => {
    const NEW_DATA = 'FEDCBA9876543210'.repeat(4);
    const NEW_XML = `<token><version>1</version><data>${NEW_DATA}</data></token>`;
    const rotatedIndex = () => index(e.tokenRotated(EXPIRY), e.token('t2', NEW_DATA));

    it('stays allowed beside the new one until the overlap ends, then is refused as expired while the new one is allowed', () => {
      const state = rotatedIndex();
      expect(decideAccess(state, request({ now: NOW - 1 })).allowed).toBe(true);
      expect(decideAccess(state, request({ now: NOW })).code).toBe('token_expired');
      for (const now of [NOW - 1, NOW]) {
        expect(decideAccess(state, request({ now, authorizationHeader: undefined, token: NEW_XML }))).toMatchObject({ allowed: true, tokenId: 't2' });
      }
    });
  });

  it('refuses a deleted connector before the user group, block, IP and grant checks', () => {
    const everythingElseWrong = [e.memberRemoved(), e.blocked(), e.ipAdded('r1', 'deny', '0.0.0.0/0'), e.getRevoked('Profit_Article')];
    expect(decideAccess(index(...everythingElseWrong, e.archived()), request()).code).toBe('connector_archived');
  });

  it('refuses every token of a deactivated user, after the connector check and before the group check', () => {
    expect(decideAccess(index(e.userRegistered(), e.userDeactivated()), request())).toMatchObject({ code: 'user_deactivated', status: 401, owner });
    expect(decideAccess(index(e.userRegistered(), e.userDeactivated(), e.memberRemoved()), request()).code).toBe('user_deactivated');
    expect(decideAccess(index(e.userRegistered(), e.userDeactivated(), e.archived()), request()).code).toBe('connector_archived');
  });

  it('lets a reactivated user in again, and a registered active one', () => {
    expect(decideAccess(index(e.userRegistered()), request()).allowed).toBe(true);
    expect(decideAccess(index(e.userRegistered(), e.userDeactivated(), e.userReactivated()), request()).allowed).toBe(true);
  });

  it('refuses a deleted connector in another environment as a wrong environment', () => {
    expect(decideAccess(index(e.archived()), request({ environmentId: '99999' })).code).toBe('wrong_environment');
  });

  it('refuses an unknown client address on a restricted connector', () => {
    const decision = decideAccess(index(e.ipAdded('r1', 'deny', '10.0.0.0/8')), request({ clientAddress: null }));
    expect(decision.code).toBe('ip_restricted');
  });

  describe('answers with the first check that fails', () => {
    const everythingWrong = [e.tokenRevoked(), e.memberRemoved(), e.blocked(), e.ipAdded('r1', 'deny', '0.0.0.0/0'), e.getRevoked('Profit_Article')];
    /** Each failure, in the order of the checks, and the event that repairs it (the environment is repaired by the call). */
    const steps = [
      { code: 'token_revoked', repair: e.token('t2') },
      { code: 'wrong_environment', repair: null },
      { code: 'not_in_user_group', repair: e.member() },
      { code: 'connector_blocked', repair: e.unblocked() },
      { code: 'ip_restricted', repair: e.ipRemoved('r1', '0.0.0.0/0') },
      { code: 'connector_not_granted', repair: null },
    ];

    it.each(steps.map((step, i) => [step.code, i] as const))('%s', (code, i) => {
      const repairs = steps.slice(0, i).flatMap((step) => (step.repair ? [step.repair] : []));
      const state = new AccessState();
      for (const event of positioned([...liveConnector(), ...everythingWrong, ...repairs])) state.apply(event);
      expect(decideAccess(state, request({ environmentId: i <= 1 ? '99999' : ENV })).code).toBe(code);
    });
  });
});
