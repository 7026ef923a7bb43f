import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiDatabase } from '../storage/api-database.js';

interface AdminKey {
  readonly name: string;
  readonly hash: Buffer;
}

const sha256 = (text: string) => hash('sha256', text, 'buffer');
/**
 * The presented key's hash, for `timingSafeEqual`: written into one reused buffer, because a
 * digest as a new Buffer (a new ArrayBuffer per call) costs twice a hex digest. Synchronous use only.
 */
const presentedHash = Buffer.alloc(32);

/**
 * The admin keys this service accepts, held only as SHA-256 hashes. A key from ADMIN_API_KEY wins;
 * otherwise the stored one; on a fresh data folder a key is generated and shown once.
 */
export class AdminKeyRegistry {
  private constructor(private readonly keys: readonly AdminKey[]) {}

  static open(
    database: ApiDatabase,
    configured: { name: string; secret: string | undefined },
    announce: (name: string, secret: string) => void,
  ): AdminKeyRegistry {
    if (configured.secret) return new AdminKeyRegistry([{ name: configured.name, hash: sha256(configured.secret) }]);
    const stored = database.db.prepare('SELECT name, sha256 FROM admin_keys').all() as { name: string; sha256: string }[];
    if (stored.length > 0) {
      return new AdminKeyRegistry(stored.map((row) => ({ name: row.name, hash: Buffer.from(row.sha256, 'hex') })));
    }
    const secret = randomBytes(32).toString('base64url');
    const hash = sha256(secret);
    database.db
      .prepare('INSERT INTO admin_keys (name, sha256, created_at) VALUES (?, ?, ?)')
      .run(configured.name, hash.toString('hex'), new Date().toISOString());
    announce(configured.name, secret);
    return new AdminKeyRegistry([{ name: configured.name, hash }]);
  }

  /** The key's name (the actor), or undefined. Compares every key's hash in constant time. */
  actorOf(presented: string): string | undefined {
    presentedHash.write(hash('sha256', presented, 'hex'), 'hex');
    let actor: string | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.hash, presentedHash)) actor = key.name;
    }
    return actor;
  }
}

export const ADMIN_KEY_REGISTRY = Symbol('ADMIN_KEY_REGISTRY');
