import { timingSafeEqual } from 'node:crypto';
import { invalid, ruleViolated } from '../shared/domain-error.js';
import { requireLocalId, requireLowerHex, requireText } from '../shared/validation.js';
import type { RequestOtp, ValidateOtp } from './app-connector.commands.js';
import type { AppConnectorEvent, OtpAttemptFailed, OtpRequested } from './app-connector.events.js';
import { connectorRef, type AppConnector, type PendingOtp } from './app-connector.state.js';
import { generateToken } from './app-connector.tokens.js';

/** Wrong passwords a request survives; the next one voids it. */
export const OTP_MAX_FAILED_ATTEMPTS = 5;

/**
 * Refusals of a validation that the caller must not tell apart (no pending request, expired,
 * used, locked): one code for all, so no answer says which.
 */
export const OTP_NOT_VALID = 'otp_not_valid';

export function requestOtp(data: RequestOtp['data'], state: AppConnector): OtpRequested[] {
  const requestId = requireLocalId(data.requestId, 'requestId');
  const description = requireText(data.description, 'description', 255);
  const otpHash = requireLowerHex(data.otpHash, 'otpHash', 64);
  if (Number.isNaN(Date.parse(data.expiresAt))) throw invalid('expiresAt_invalid', 'expiresAt must be an ISO time', 'expiresAt');
  if (!data.userIsMember) throw notMember(data.userId, state);
  return [{ type: 'OtpRequested', data: { ...connectorRef(state), requestId, userId: data.userId, description, otpHash, expiresAt: data.expiresAt } }];
}

/**
 * The right password issues the token for the device named at request time, under the rules of
 * `generateToken` (one live token per user and device); a wrong one counts against the request.
 */
export function validateOtp(data: ValidateOtp['data'], state: AppConnector): AppConnectorEvent[] {
  const pending = pendingOtpOf(state, data.userId, data.now);
  if (pending === undefined) throw ruleViolated(OTP_NOT_VALID, 'no valid one-time password for this user');
  if (!sameHash(pending.otpHash, data.otpHash)) return [failedAttempt(state, pending)];
  const { tokenId, userId, tokenHash, tokenHint, userIsMember } = data;
  const issued = generateToken({ tokenId, userId, description: pending.description, tokenHash, tokenHint, userIsMember, now: data.now }, state);
  return [{ type: 'OtpAccepted', data: { ...connectorRef(state), requestId: pending.requestId, userId, tokenId } }, ...issued];
}

/** The user's pending request, unless it has expired at `now`. */
export function pendingOtpOf(state: AppConnector, userId: string, now: string): PendingOtp | undefined {
  const pending = state.pendingOtps.find((otp) => otp.userId === userId);
  return pending !== undefined && Date.parse(now) < Date.parse(pending.expiresAt) ? pending : undefined;
}

function failedAttempt(state: AppConnector, pending: PendingOtp): OtpAttemptFailed {
  const failedAttempts = pending.failedAttempts + 1;
  const { requestId, userId } = pending;
  return { type: 'OtpAttemptFailed', data: { ...connectorRef(state), requestId, userId, failedAttempts, locked: failedAttempts >= OTP_MAX_FAILED_ATTEMPTS } };
}

/** Constant time: how far two hashes agree must not show in how long the comparison takes. */
function sameHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const notMember = (userId: string, state: AppConnector) =>
  ruleViolated('user_not_in_user_group', `user ${userId} is not a member of user group ${state.userGroupId} of this app connector`, 'userId');
