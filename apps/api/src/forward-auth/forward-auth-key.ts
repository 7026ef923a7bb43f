import { timingSafeEqual } from 'node:crypto';
import { presentedHash, sha256 } from '../admin-auth/presented-secret.js';

/** The header a reverse proxy sends `FORWARD_AUTH_KEY` in (the client's own `Authorization` is the token). */
export const FORWARD_AUTH_KEY_HEADER = 'x-forward-auth-key';

/** FORWARD_AUTH_KEY, held as its SHA-256 and compared in constant time, as the admin keys are. */
export class ForwardAuthKey {
  private readonly expected: Buffer;

  constructor(secret: string) {
    this.expected = sha256(secret);
  }

  matches(presented: string | string[] | undefined): boolean {
    return typeof presented === 'string' && timingSafeEqual(this.expected, presentedHash(presented));
  }
}
