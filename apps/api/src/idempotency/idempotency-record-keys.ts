import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface StoredAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The keys of one (actor, Idempotency-Key) record, derived from the key and the server secret:
 * the row is found by `lookup`, and its fingerprint and answer need the Idempotency-Key itself, so
 * the database alone reveals nothing, even of a guessable key, and with the secret only answers
 * whose key is guessed.
 */
export class IdempotencyRecordKeys {
  constructor(
    readonly lookup: Buffer,
    private readonly fingerprintKey: Buffer,
    private readonly answerKey: Buffer,
  ) {}

  /** The request's fingerprint as stored: keyed, so a stored one cannot be matched to a guessed request. */
  fingerprintOf(requestFingerprint: string): Buffer {
    return createHmac('sha256', this.fingerprintKey).update(requestFingerprint).digest();
  }

  matches(storedFingerprint: Buffer, requestFingerprint: string): boolean {
    const presented = this.fingerprintOf(requestFingerprint);
    return storedFingerprint.length === presented.length && timingSafeEqual(storedFingerprint, presented);
  }

  /** AES-256-GCM, iv | ciphertext | tag, bound to this record's lookup so it cannot be moved to another row. */
  seal(answer: StoredAnswer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.answerKey, iv).setAAD(this.lookup);
    const plaintext = Buffer.from(JSON.stringify({ status: answer.status, headers: answer.headers, body: answer.body ?? null }));
    return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }

  /** Throws when the sealed answer was not sealed under these keys or was altered. */
  open(sealed: Buffer): StoredAnswer {
    const decipher = createDecipheriv('aes-256-gcm', this.answerKey, sealed.subarray(0, IV_BYTES)).setAAD(this.lookup);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plaintext = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as StoredAnswer;
  }
}

/** Derives each record's keys from the server secret and the record's (actor, Idempotency-Key). */
export class IdempotencyKeyring {
  /**
   * Lookups use their own key derived from the secret, never the secret itself: HMAC(secret, name)
   * is HKDF's extract step below, so a lookup under the secret would store the answer keys' root.
   */
  private readonly lookupKey: Buffer;

  constructor(private readonly secret: Buffer) {
    this.lookupKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'app-connectors idempotency lookup v1', 32));
  }

  keysOf(actor: string, idempotencyKey: string): IdempotencyRecordKeys {
    const recordName = JSON.stringify([actor, idempotencyKey]);
    const lookup = createHmac('sha256', this.lookupKey).update(recordName).digest();
    const keys = Buffer.from(hkdfSync('sha256', recordName, this.secret, 'app-connectors idempotency record v1', 64));
    return new IdempotencyRecordKeys(lookup, keys.subarray(0, 32), keys.subarray(32));
  }
}
