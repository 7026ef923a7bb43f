import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiDatabase } from '../storage/api-database.js';
import { presentedHash, sha256 } from './presented-secret.js';

interface AdminKey {
  readonly name: string;
  readonly hash: Buffer;
}

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
    const readStored = () =>
      (database.db.prepare('SELECT name, sha256 FROM admin_keys').all() as { name: string; sha256: string }[]).map((row) => ({
        name: row.name,
        hash: Buffer.from(row.sha256, 'hex'),
      }));
    const secret = randomBytes(32).toString('base64url');
    const hash = sha256(secret);
    // Several processes may start on a fresh data folder at once: the first to take the write lock
    // generates the key, the others find it stored.
    const generated = database.db
      .transaction(() => {
        if (readStored().length > 0) return false;
        database.db
          .prepare('INSERT INTO admin_keys (name, sha256, created_at) VALUES (?, ?, ?)')
          .run(configured.name, hash.toString('hex'), new Date().toISOString());
        return true;
      })
      .immediate();
    if (!generated) return new AdminKeyRegistry(readStored());
    announce(configured.name, secret);
    return new AdminKeyRegistry([{ name: configured.name, hash }]);
  }

  /** The key's name (the actor), or undefined. Compares every key's hash in constant time. */
  actorOf(presented: string): string | undefined {
    const presentedKey = presentedHash(presented);
    let actor: string | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.hash, presentedKey)) actor = key.name;
    }
    return actor;
  }
}

export const ADMIN_KEY_REGISTRY = Symbol('ADMIN_KEY_REGISTRY');
