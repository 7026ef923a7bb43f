import { hash, timingSafeEqual } from 'node:crypto';

/** The header a reverse proxy sends `FORWARD_AUTH_KEY` in (the client's own `Authorization` is the token). */
export const FORWARD_AUTH_KEY_HEADER = 'x-forward-auth-key';

/** The presented key's hash, written into one reused buffer as for the admin keys. Synchronous use only. */
const presentedHash = Buffer.alloc(32);

/** FORWARD_AUTH_KEY, held as its SHA-256 and compared in constant time, as the admin keys are. */
export class ForwardAuthKey {
  private readonly expected: Buffer;

  constructor(secret: string) {
    this.expected = hash('sha256', secret, 'buffer');
  }

  matches(presented: string | string[] | undefined): boolean {
    if (typeof presented !== 'string') return false;
    presentedHash.write(hash('sha256', presented, 'hex'), 'hex');
    return timingSafeEqual(this.expected, presentedHash);
  }
}
