import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { RequestOtp, ValidateOtp } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import type { AppConnectorEvent, OtpAccepted, OtpAttemptFailed, OtpRequested } from './app-connector.events.js';
import { created, ref, TOKEN_HASH, tokenGenerated, tokenValiditySet } from './app-connector.fixtures.js';
import { OTP_MAX_FAILED_ATTEMPTS } from './app-connector.otp.js';

const given = deciderSpec(appConnectorDecider);
const OTP_HASH = 'a'.repeat(64);
const WRONG_HASH = 'c'.repeat(64);
const EXPIRES = '2026-01-01T10:10:00.000Z';

const request = (data: Partial<RequestOtp['data']> = {}): RequestOtp => ({
  type: 'RequestOtp',
  data: { requestId: 'o-1', userId: '12345.jdoe', description: 'iPhone', otpHash: OTP_HASH, expiresAt: EXPIRES, userIsMember: true, ...data },
});
const requested = (data: Partial<Omit<OtpRequested['data'], keyof typeof ref>> = {}): OtpRequested => ({
  type: 'OtpRequested',
  data: { ...ref, requestId: 'o-1', userId: '12345.jdoe', description: 'iPhone', otpHash: OTP_HASH, expiresAt: EXPIRES, ...data },
});
const validate = (data: Partial<ValidateOtp['data']> = {}): ValidateOtp => ({
  type: 'ValidateOtp',
  data: {
    userId: '12345.jdoe',
    otpHash: OTP_HASH,
    now: '2026-01-01T10:05:00.000Z',
    tokenId: 't-1',
    tokenHash: TOKEN_HASH,
    tokenHint: '…A1B2',
    userIsMember: true,
    ...data,
  },
});
const failed = (failedAttempts: number, requestId = 'o-1'): OtpAttemptFailed => ({
  type: 'OtpAttemptFailed',
  data: { ...ref, requestId, userId: '12345.jdoe', failedAttempts, locked: failedAttempts >= OTP_MAX_FAILED_ATTEMPTS },
});
const accepted = (requestId = 'o-1'): OtpAccepted => ({ type: 'OtpAccepted', data: { ...ref, requestId, userId: '12345.jdoe', tokenId: 't-1' } });
const failures = (count: number): AppConnectorEvent[] => Array.from({ length: count }, (_, i) => failed(i + 1));

describe('one-time passwords', () => {
  describe('RequestOtp', () => {
    it('records the request with the device and the keyed hash, never the password', () => {
      given([created]).when(request({ description: ' iPhone ' })).then([requested()]);
    });

    it('refuses a user outside the user group', () => {
      given([created]).when(request({ userIsMember: false })).thenThrows('rule_violated', 'user_not_in_user_group', 'userId');
    });

    it.each([
      [{ otpHash: 'A'.repeat(64) }, 'otpHash_invalid'],
      [{ description: ' ' }, 'description_required'],
      [{ requestId: '' }, 'requestId_invalid'],
      [{ expiresAt: 'soon' }, 'expiresAt_invalid'],
    ])('refuses %j', (data, code) => {
      given([created]).when(request(data)).thenThrows('invalid', code);
    });
  });

  describe('ValidateOtp', () => {
    it('accepts the right password before it expires and issues a token for the device named at request time', () => {
      given([created, requested()]).when(validate()).then([accepted(), tokenGenerated()]);
    });

    it("gives the token the connector's validity, counted from the validation", () => {
      given([created, tokenValiditySet(7), requested()]).when(validate()).then([accepted(), tokenGenerated({ expiresAt: '2026-01-08T10:05:00.000Z' })]);
    });

    it('counts a wrong password against the request', () => {
      given([created, requested()]).when(validate({ otpHash: WRONG_HASH })).then([failed(1)]);
      given([created, requested(), failed(1)]).when(validate({ otpHash: WRONG_HASH })).then([failed(2)]);
    });

    it(`voids the request at the ${OTP_MAX_FAILED_ATTEMPTS}th wrong password: the right one is refused after it`, () => {
      given([created, requested(), ...failures(OTP_MAX_FAILED_ATTEMPTS - 1)])
        .when(validate({ otpHash: WRONG_HASH }))
        .then([failed(OTP_MAX_FAILED_ATTEMPTS)]);
      given([created, requested(), ...failures(OTP_MAX_FAILED_ATTEMPTS)]).when(validate()).thenThrows('rule_violated', 'otp_not_valid');
    });

    it('still accepts the right password after fewer wrong ones', () => {
      given([created, requested(), ...failures(OTP_MAX_FAILED_ATTEMPTS - 1)]).when(validate()).then([accepted(), tokenGenerated()]);
    });

    it('refuses an expired password, at its expiry and after', () => {
      given([created, requested()]).when(validate({ now: EXPIRES })).thenThrows('rule_violated', 'otp_not_valid');
      given([created, requested()]).when(validate({ now: '2026-01-01T11:00:00.000Z' })).thenThrows('rule_violated', 'otp_not_valid');
    });

    it('accepts a password once', () => {
      given([created, requested(), accepted(), tokenGenerated()]).when(validate({ tokenId: 't-2' })).thenThrows('rule_violated', 'otp_not_valid');
    });

    it('refuses a user without a pending request, and another user\'s password', () => {
      given([created]).when(validate()).thenThrows('rule_violated', 'otp_not_valid');
      given([created, requested()]).when(validate({ userId: '12345.amy' })).thenThrows('rule_violated', 'otp_not_valid');
    });

    it('voids an older request when a newer one comes: only the newer password counts, with fresh attempts', () => {
      const newer = requested({ requestId: 'o-2', otpHash: WRONG_HASH });
      given([created, requested(), failed(3), newer]).when(validate()).then([failed(1, 'o-2')]);
      given([created, requested(), failed(3), newer])
        .when(validate({ otpHash: WRONG_HASH }))
        .then([accepted('o-2'), tokenGenerated()]);
    });

    it('refuses a token for a device that already has a live one, and leaves the request pending', () => {
      const history = [created, tokenGenerated({ tokenId: 't-0' }), requested()];
      given(history).when(validate()).thenThrows('conflict', 'token_exists_for_device', 'description');
      given([...history, tokenRevokedOf('t-0')]).when(validate()).then([accepted(), tokenGenerated()]);
    });

    it('refuses the token when the user left the user group since the request', () => {
      given([created, requested()]).when(validate({ userIsMember: false })).thenThrows('rule_violated', 'user_not_in_user_group');
    });
  });
});

const tokenRevokedOf = (tokenId: string): AppConnectorEvent => ({ type: 'TokenRevoked', data: { ...ref, tokenId, userId: '12345.jdoe', tokenHash: TOKEN_HASH } });
