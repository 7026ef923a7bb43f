import { hash } from 'node:crypto';

export const sha256 = (text: string) => hash('sha256', text, 'buffer');

/**
 * A presented key's SHA-256, for `timingSafeEqual` against a stored hash: written into one reused
 * buffer, because a digest as a new Buffer (a new ArrayBuffer per call) costs twice a hex digest.
 * Synchronous use only: the next call overwrites it.
 */
const presented = Buffer.alloc(32);

export function presentedHash(secret: string): Buffer {
  presented.write(hash('sha256', secret, 'hex'), 'hex');
  return presented;
}
