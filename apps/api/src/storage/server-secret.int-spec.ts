import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config.js';
import { loadOrCreateServerSecret } from './server-secret.js';

const KIND = { name: 'idempotency secret', lostWhenReplaced: 'stored Idempotency-Key answers are then forgotten' };
const loadOrCreateIdempotencySecret = (file: string) => loadOrCreateServerSecret(file, KIND);

describe('a server secret file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-secret-'));
    file = join(dir, 'idempotency.secret');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created on the first start as 32 random bytes only its owner may read, and read on later starts', () => {
    const secret = loadOrCreateIdempotencySecret(file);
    expect(secret).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file)).toEqual(secret);
    expect(readdirSync(dir)).toEqual(['idempotency.secret']);
    expect(loadOrCreateIdempotencySecret(file)).toEqual(secret);
    expect(loadOrCreateIdempotencySecret(join(dir, 'another.secret'))).not.toEqual(secret);
  });

  it('stops the start with a short message when it is malformed', () => {
    writeFileSync(file, 'not a secret\n');
    expect(() => loadOrCreateIdempotencySecret(file)).toThrow(ConfigError);
    expect(() => loadOrCreateIdempotencySecret(file)).toThrow(`the idempotency secret ${file} must hold 32 bytes, it holds 13`);
  });

  it('stops the start with a short message when it is unreadable', () => {
    mkdirSync(file);
    expect(() => loadOrCreateIdempotencySecret(file)).toThrow(new RegExp(`^cannot read the idempotency secret ${file}: EISDIR`));
  });

  it('stops the start with a short message when it cannot be created', () => {
    const missing = join(dir, 'no-such-folder', 'idempotency.secret');
    expect(() => loadOrCreateIdempotencySecret(missing)).toThrow(new RegExp(`^cannot create the idempotency secret ${missing}: ENOENT`));
  });
});
