import { createHash } from 'node:crypto';

/** sha-256, lowercase hex. Right for high-entropy secrets (>= 128 random bits); no salt or stretching needed. */
export function hashSecret(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
