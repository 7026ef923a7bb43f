import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { RotateToken } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import type { TokenRotated } from './app-connector.events.js';
import { created, generate, NOW, ref, TOKEN_HASH, tokenGenerated, tokenValiditySet } from './app-connector.fixtures.js';
import { MAX_ROTATION_OVERLAP_SECONDS } from './app-connector.rotation.js';

const given = deciderSpec(appConnectorDecider);
const NEW_HASH = 'c'.repeat(64);
const rotate = (data: Partial<RotateToken['data']> = {}): RotateToken => ({
  type: 'RotateToken',
  data: { tokenId: 't-1', newTokenId: 't-2', tokenHash: NEW_HASH, tokenHint: '…C3D4', userIsMember: true, now: NOW, overlapSeconds: 3600, ...data },
});
const rotated = (expiresAt: string, tokenId = 't-1', newTokenId = 't-2'): TokenRotated => ({
  type: 'TokenRotated',
  data: { ...ref, tokenId, userId: '12345.jdoe', tokenHash: TOKEN_HASH, newTokenId, expiresAt },
});
const successor = (data: Parameters<typeof tokenGenerated>[0] = {}) => tokenGenerated({ tokenId: 't-2', tokenHash: NEW_HASH, tokenHint: '…C3D4', ...data });
const IN_AN_HOUR = '2026-03-01T11:00:00.000Z';

describe('RotateToken', () => {
  it('issues a new token for the same user and device and keeps the old one valid until the overlap ends', () => {
    given([created, tokenGenerated()]).when(rotate()).then([rotated(IN_AN_HOUR), successor()]);
  });

  it("keeps an old token's earlier expiry, and gives the new token the connector's validity", () => {
    const soon = '2026-03-01T10:30:00.000Z';
    given([created, tokenGenerated({ expiresAt: soon }), tokenValiditySet(10)])
      .when(rotate())
      .then([rotated(soon), successor({ expiresAt: '2026-03-11T10:00:00.000Z' })]);
  });

  it('ends the old token at once with an overlap of 0', () => {
    given([created, tokenGenerated()]).when(rotate({ overlapSeconds: 0 })).then([rotated(NOW), successor()]);
  });

  it('refuses a second rotation while the overlap lasts, of the old token or the new one', () => {
    const overlapping = [created, tokenGenerated(), rotated(IN_AN_HOUR), successor()];
    given(overlapping).when(rotate({ newTokenId: 't-3' })).thenThrows('conflict', 'token_rotation_in_progress');
    given(overlapping).when(rotate({ tokenId: 't-2', newTokenId: 't-3' })).thenThrows('conflict', 'token_rotation_in_progress');
  });

  it('rotates the new token once the overlap has ended, and refuses the old one then as expired', () => {
    const ended = [created, tokenGenerated(), rotated(IN_AN_HOUR), successor()];
    given(ended)
      .when(rotate({ tokenId: 't-2', newTokenId: 't-3', now: IN_AN_HOUR }))
      .then([
        { type: 'TokenRotated', data: { ...ref, tokenId: 't-2', userId: '12345.jdoe', tokenHash: NEW_HASH, newTokenId: 't-3', expiresAt: '2026-03-01T12:00:00.000Z' } },
        successor({ tokenId: 't-3', expiresAt: null }),
      ]);
    given(ended).when(rotate({ newTokenId: 't-3', now: IN_AN_HOUR })).thenThrows('rule_violated', 'token_expired');
  });

  it('refuses a second live token for the device still, beside a rotation', () => {
    given([created, tokenGenerated(), rotated(IN_AN_HOUR), successor()]).when(generate({ tokenId: 't-3' })).thenThrows('conflict', 'token_exists_for_device');
  });

  it('lets a new token take the device of an expired one', () => {
    given([created, tokenGenerated({ expiresAt: NOW })]).when(generate({ tokenId: 't-2' })).then([successor({ tokenHash: TOKEN_HASH, tokenHint: '…A1B2' })]);
  });

  it.each([
    ['an unknown token', { tokenId: 't-9' }, 'not_found', 'token_not_found'],
    ['a user no longer in the group', { userIsMember: false }, 'rule_violated', 'user_not_in_user_group'],
    ['a negative overlap', { overlapSeconds: -1 }, 'invalid', 'overlapSeconds_invalid'],
    ['a fractional overlap', { overlapSeconds: 0.5 }, 'invalid', 'overlapSeconds_invalid'],
    ['an overlap over the maximum', { overlapSeconds: MAX_ROTATION_OVERLAP_SECONDS + 1 }, 'invalid', 'overlapSeconds_invalid'],
    ['a taken new id', { newTokenId: 't-1' }, 'conflict', 'token_id_taken'],
    ['a time that is none', { now: 'later' }, 'invalid', 'now_invalid'],
  ] as const)('refuses %s', (_, data, kind, code) => {
    given([created, tokenGenerated()]).when(rotate(data)).thenThrows(kind, code);
  });

  it('refuses a revoked token', () => {
    given([created, tokenGenerated(), { type: 'TokenRevoked', data: { ...ref, tokenId: 't-1', userId: '12345.jdoe', tokenHash: TOKEN_HASH } }])
      .when(rotate())
      .thenThrows('rule_violated', 'token_revoked');
  });

  it('moves the old token\'s expiry in the state', () => {
    const state = [created, tokenGenerated(), rotated(IN_AN_HOUR), successor()].reduce(appConnectorDecider.evolve, appConnectorDecider.initialState());
    expect(state?.tokens.map((t) => [t.tokenId, t.expiresAt, t.revoked])).toEqual([['t-1', IN_AN_HOUR, false], ['t-2', null, false]]);
  });
});
