import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiDatabase } from '../storage/api-database.js';
import { AdminKeyRegistry } from './admin-key-registry.js';

describe('AdminKeyRegistry', () => {
  let dir: string;
  let database: ApiDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'admin-keys-'));
    database = new ApiDatabase(join(dir, 'api.sqlite'));
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates a key once, stores only its hash, and recognises it after a restart', () => {
    const shown: string[] = [];
    const registry = AdminKeyRegistry.open(database, { name: 'ops', secret: undefined }, (_, secret) => shown.push(secret));
    expect(shown).toHaveLength(1);
    const secret = shown[0]!;
    expect(registry.actorOf(secret)).toBe('ops');
    const rows = database.db.prepare('SELECT * FROM admin_keys').all();
    expect(JSON.stringify(rows)).not.toContain(secret);
    const again = AdminKeyRegistry.open(database, { name: 'ops', secret: undefined }, (_, s) => shown.push(s));
    expect(shown).toHaveLength(1);
    expect(again.actorOf(secret)).toBe('ops');
    expect(again.actorOf(`${secret}x`)).toBeUndefined();
  });

  it('uses ADMIN_API_KEY when set, and nothing else', () => {
    const registry = AdminKeyRegistry.open(database, { name: 'ci', secret: 'configured-key-123456' }, () => {
      throw new Error('must not generate');
    });
    expect(registry.actorOf('configured-key-123456')).toBe('ci');
    expect(registry.actorOf('configured-key-12345')).toBeUndefined();
  });
});
