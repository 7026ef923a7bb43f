import { hash } from 'node:crypto';

/** sha-256, lowercase hex. Right for high-entropy secrets (>= 128 random bits); no salt or stretching needed. */
export function hashSecret(text: string): string {
  // One-shot `hash` (Node ≥ 20.12): cheaper than createHash().update().digest() on the guard's hot path.
  return hash('sha256', text, 'hex');
}
