import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { AppConnectorCommand } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { created, generate, NOW, ref, TOKEN_HASH, tokenGenerated, tokenValiditySet } from './app-connector.fixtures.js';

const given = deciderSpec(appConnectorDecider);
const revoke = (tokenId: string): AppConnectorCommand => ({ type: 'RevokeToken', data: { tokenId } });
const revoked = (tokenId: string, userId = '12345.jdoe'): AppConnectorEvent => ({
  type: 'TokenRevoked',
  data: { ...ref, tokenId, userId, tokenHash: TOKEN_HASH },
});

describe('tokens', () => {
  describe('GenerateToken', () => {
    it('generates a token for a member, with a trimmed device description', () => {
      given([created]).when(generate({ description: ' iPhone ' })).then([tokenGenerated()]);
    });

    it('generates tokens while the connector is still blocked', () => {
      given([created]).when(generate()).then([tokenGenerated()]);
    });

    it('refuses a user who is not a member of the user group', () => {
      given([created]).when(generate({ userIsMember: false })).thenThrows('rule_violated', 'user_not_in_user_group', 'userId');
    });

    it('refuses a second live token for the same user and device, saying to revoke the old one', () => {
      const error = given([created, tokenGenerated()])
        .when(generate({ tokenId: 't-2' }))
        .thenThrows('conflict', 'token_exists_for_device', 'description');
      expect(error.message).toContain('revoke the old token (t-1) first');
    });

    it('allows another device, another user, or the same device after revocation', () => {
      given([created, tokenGenerated()])
        .when(generate({ tokenId: 't-2', description: 'Laptop' }))
        .then([tokenGenerated({ tokenId: 't-2', description: 'Laptop' })]);
      given([created, tokenGenerated()])
        .when(generate({ tokenId: 't-2', userId: '12345.amy' }))
        .then([tokenGenerated({ tokenId: 't-2', userId: '12345.amy' })]);
      given([created, tokenGenerated(), revoked('t-1')])
        .when(generate({ tokenId: 't-2' }))
        .then([tokenGenerated({ tokenId: 't-2' })]);
    });

    it('refuses a token id that is taken', () => {
      given([created, tokenGenerated(), revoked('t-1')])
        .when(generate())
        .thenThrows('conflict', 'token_id_taken', 'tokenId');
    });

    it.each([
      [{ description: '  ' }, 'description_required', 'description'],
      [{ description: 'x'.repeat(256) }, 'description_too_long', 'description'],
      [{ tokenHash: 'B'.repeat(64) }, 'tokenHash_invalid', 'tokenHash'],
      [{ tokenHash: 'b'.repeat(63) }, 'tokenHash_invalid', 'tokenHash'],
      [{ tokenHint: '' }, 'tokenHint_required', 'tokenHint'],
      [{ tokenId: '' }, 'tokenId_invalid', 'tokenId'],
    ])('refuses %j', (data, code, field) => {
      given([created]).when(generate(data)).thenThrows('invalid', code, field);
    });
  });

  describe('GenerateToken with a validity period', () => {
    it('keeps the expiry it is given, as an ISO time in UTC', () => {
      given([created])
        .when(generate({ expiresAt: '2026-03-02T12:00:00+02:00' }))
        .then([tokenGenerated({ expiresAt: '2026-03-02T10:00:00.000Z' })]);
    });

    it("gives a token without its own expiry the connector's validity, counted from now", () => {
      given([created, tokenValiditySet(30)]).when(generate()).then([tokenGenerated({ expiresAt: '2026-03-31T10:00:00.000Z' })]);
    });

    it("prefers the token's own expiry to the connector's validity", () => {
      given([created, tokenValiditySet(30)])
        .when(generate({ expiresAt: '2026-03-01T11:00:00.000Z' }))
        .then([tokenGenerated({ expiresAt: '2026-03-01T11:00:00.000Z' })]);
    });

    it('gives no expiry once the validity is cleared', () => {
      given([created, tokenValiditySet(30), tokenValiditySet(null)]).when(generate()).then([tokenGenerated()]);
    });

    it.each([
      ['now', NOW],
      ['the past', '2026-02-28T10:00:00.000Z'],
    ])('refuses an expiry at %s', (_, expiresAt) => {
      given([created]).when(generate({ expiresAt })).thenThrows('rule_violated', 'expiresAt_not_in_future', 'expiresAt');
    });

    it('refuses an expiry that is not a time', () => {
      given([created]).when(generate({ expiresAt: 'next week' })).thenThrows('invalid', 'expiresAt_invalid', 'expiresAt');
    });
  });

  describe('SetTokenValidity', () => {
    const setValidity = (days: number | null): AppConnectorCommand => ({ type: 'SetTokenValidity', data: { days } });

    it('sets, changes and clears the validity', () => {
      given([created]).when(setValidity(90)).then([tokenValiditySet(90)]);
      given([created, tokenValiditySet(90)]).when(setValidity(7)).then([tokenValiditySet(7)]);
      given([created, tokenValiditySet(90)]).when(setValidity(null)).then([tokenValiditySet(null)]);
    });

    it('changes nothing when the validity is already so', () => {
      given([created, tokenValiditySet(90)]).when(setValidity(90)).then([]);
      given([created]).when(setValidity(null)).then([]);
    });

    it.each([0, -1, 1.5, 3651, Number.NaN])('refuses %p days', (days) => {
      given([created]).when(setValidity(days)).thenThrows('invalid', 'days_invalid', 'days');
    });

    it('leaves tokens generated before as they were', () => {
      given([created, tokenGenerated(), tokenValiditySet(1)]).when(generate({ tokenId: 't-2', description: 'Laptop' }))
        .then([tokenGenerated({ tokenId: 't-2', description: 'Laptop', expiresAt: '2026-03-02T10:00:00.000Z' })]);
    });
  });

  describe('RevokeToken', () => {
    it('revokes a token, naming its user', () => {
      given([created, tokenGenerated({ userId: '12345.amy' })])
        .when(revoke('t-1'))
        .then([revoked('t-1', '12345.amy')]);
    });

    it('changes nothing when the token is already revoked', () => {
      given([created, tokenGenerated(), revoked('t-1')]).when(revoke('t-1')).then([]);
    });

    it('refuses an unknown token', () => {
      given([created]).when(revoke('t-1')).thenThrows('not_found', 'token_not_found');
    });
  });
});
