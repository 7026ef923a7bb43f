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

  /** Names the record where it is not the row's key: in the event store's append markers. */
  get requestId(): string {
    return this.lookup.toString('hex');
  }

  seal(answer: StoredAnswer): Buffer {
    return this.sealValue({ status: answer.status, headers: answer.headers, body: answer.body ?? null });
  }

  /** Throws when the sealed answer was not sealed under these keys or was altered. */
  open(sealed: Buffer): StoredAnswer {
    return this.openValue(sealed) as StoredAnswer;
  }

  /** AES-256-GCM, iv | ciphertext | tag, bound to this record's lookup so it cannot be moved to another record. */
  sealValue(value: unknown): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.answerKey, iv).setAAD(this.lookup);
    return Buffer.concat([iv, cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }

  /** Throws when the value was not sealed under these keys or was altered. */
  openValue(sealed: Uint8Array): unknown {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const decipher = createDecipheriv('aes-256-gcm', this.answerKey, bytes.subarray(0, IV_BYTES)).setAAD(this.lookup);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8'));
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
