import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { ConfigError } from '../config/app-config.js';

const SERVER_SECRET_BYTES = 32;

/** What a server secret is for, as its error messages name it. */
export interface ServerSecretKind {
  /** `idempotency secret` */
  readonly name: string;
  /** What a new secret makes unreadable: said when the file is broken. */
  readonly lostWhenReplaced: string;
}

/**
 * A server-side secret ("pepper") that records are keyed or encrypted with. It lives beside the
 * databases, never in them, so a copy of a database alone reveals nothing. Created on the first
 * start (mode 0600), read on later ones.
 */
export function loadOrCreateServerSecret(file: string, kind: ServerSecretKind): Buffer {
  return createIfAbsent(file, kind) ?? readExisting(file, kind);
}

/** Written to a private temporary file, then linked into place: never a partial secret, and a race loses cleanly. */
function createIfAbsent(file: string, kind: ServerSecretKind): Buffer | undefined {
  const secret = randomBytes(SERVER_SECRET_BYTES);
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
    throw new ConfigError(`cannot create the ${kind.name} ${file}: ${(error as Error).message}`);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already gone: nothing to clean up.
    }
  }
}

function readExisting(file: string, kind: ServerSecretKind): Buffer {
  let secret: Buffer;
  try {
    secret = readFileSync(file);
  } catch (error) {
    throw new ConfigError(`cannot read the ${kind.name} ${file}: ${(error as Error).message}`);
  }
  if (secret.length !== SERVER_SECRET_BYTES) {
    throw new ConfigError(
      `the ${kind.name} ${file} must hold ${SERVER_SECRET_BYTES} bytes, it holds ${secret.length}; ` +
        `restore it, or delete it to have a new one made (${kind.lostWhenReplaced})`,
    );
  }
  return secret;
}
