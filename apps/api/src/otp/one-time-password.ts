import { createHmac } from 'node:crypto';
import type { Runtime } from '#application';

const OTP_DIGITS = 8;
export const OTP_VALIDITY_MS = 10 * 60_000;

const RANGE = 10 ** OTP_DIGITS;
/** The largest multiple of RANGE below 2^32: values from there on would make low passwords likelier. */
const UNBIASED_LIMIT = Math.floor(2 ** 32 / RANGE) * RANGE;

/** Eight decimal digits, uniform, from the runtime's CSPRNG (rejection sampling: no modulo bias). */
export function drawOtp(runtime: Pick<Runtime, 'randomBytes'>): string {
  for (;;) {
    const value = Buffer.from(runtime.randomBytes(4)).readUInt32BE(0);
    if (value < UNBIASED_LIMIT) return String(value % RANGE).padStart(OTP_DIGITS, '0');
  }
}

/** What a password is bound to: it counts only for this request of this connector. */
export interface OtpScope {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly requestId: string;
}

/**
 * HMAC-SHA256 under the server's OTP secret: 10^8 passwords hashed without a key are all tried
 * in seconds, so a stored hash is worthless without the secret file, which never enters a store.
 */
export class OtpHasher {
  constructor(private readonly secret: Buffer) {}

  hash(scope: OtpScope, otp: string): string {
    return createHmac('sha256', this.secret).update(`${scope.environmentId}\n${scope.appConnectorId}\n${scope.requestId}\n${otp}`).digest('hex');
  }
}
