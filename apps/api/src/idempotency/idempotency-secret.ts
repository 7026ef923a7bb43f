import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { ConfigError } from '../config/app-config.js';

const IDEMPOTENCY_SECRET_BYTES = 32;

/**
 * The server-side secret ("pepper") the idempotency records are keyed and encrypted with. It lives
 * beside the database, never in it, so a copy of the database alone reveals nothing. Created on
 * the first start (mode 0600), read on later ones.
 */
export function loadOrCreateIdempotencySecret(file: string): Buffer {
  return createIfAbsent(file) ?? readExisting(file);
}

/** Written to a private temporary file, then linked into place: never a partial secret, and a race loses cleanly. */
function createIfAbsent(file: string): Buffer | undefined {
  const secret = randomBytes(IDEMPOTENCY_SECRET_BYTES);
  const temporary = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, secret);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new ConfigError(`cannot create the idempotency secret ${file}: ${(error as Error).message}`);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already gone: nothing to clean up.
    }
  }
}

function readExisting(file: string): Buffer {
  let secret: Buffer;
  try {
    secret = readFileSync(file);
  } catch (error) {
    throw new ConfigError(`cannot read the idempotency secret ${file}: ${(error as Error).message}`);
  }
  if (secret.length !== IDEMPOTENCY_SECRET_BYTES) {
    throw new ConfigError(
      `the idempotency secret ${file} must hold ${IDEMPOTENCY_SECRET_BYTES} bytes, it holds ${secret.length}; ` +
        'restore it, or delete it to have a new one made (stored Idempotency-Key answers are then forgotten)',
    );
  }
  return secret;
}
