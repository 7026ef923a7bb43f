import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { API_MAIN, PROJECTOR_MAIN, requireBuild, startProjector } from './support/processes.js';

const runSync = (entry: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env: { ...process.env, ADMIN_API_KEY: 'e2e-admin-key-0123456789', PORT: '0', ...env } });

describe('the settings and folder rules of several processes (dist/)', () => {
  let dataDir: string;
  beforeAll(requireBuild);
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-folder-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the projector prints --help with the variables it reads', () => {
    const result = runSync(PROJECTOR_MAIN, ['--help'], {});
    expect(result.status).toBe(0);
    for (const text of ['npm run start:projector', 'DATA_DIR', 'READ_STORE', 'PROJECTIONS=off']) expect(result.stdout).toContain(text);
    expect(runSync(API_MAIN, ['--help'], {}).stdout).toContain('PROJECTIONS');
  });

  it('refuses PROJECTIONS other than on or off, naming it, and creates nothing', () => {
    const result = runSync(API_MAIN, [], { DATA_DIR: dataDir, PROJECTIONS: 'yes' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PROJECTIONS: must be on (this process projects the read models) or off');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it.each([
    ['a service', API_MAIN, { PROJECTIONS: 'off' }],
    ['a projector', PROJECTOR_MAIN, {}],
  ])('refuses %s of another release while the lease holder runs, touching no read model', (_, entry, env) => {
    const file = join(dataDir, 'read-models.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE projector_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, models TEXT NOT NULL, expires_at INTEGER NOT NULL)');
    db.prepare("INSERT INTO projector_lease VALUES ('projector', 'old-host:1:abcd', 'environments@1', ?)").run(Date.now() + 60_000);
    const result = runSync(entry, [], { DATA_DIR: dataDir, ...env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the read models are projected by old-host:1:abcd, a process of another release');
    expect(result.stderr).toContain('it has environments@1');
    expect(result.stderr).not.toContain('    at ');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['projector_lease']);
    db.close();
  });

  it('takes over a lease of another release that has expired (its holder is gone)', async () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.exec('CREATE TABLE projector_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, models TEXT NOT NULL, expires_at INTEGER NOT NULL)');
    db.prepare("INSERT INTO projector_lease VALUES ('projector', 'old-host:1:abcd', 'environments@1', ?)").run(Date.now() - 1);
    const projector = await startProjector({ DATA_DIR: dataDir });
    try {
      await projector.printed(/projector lease taken: projecting/);
      expect(db.prepare('SELECT holder FROM projector_lease').pluck().get()).toContain(`:${projector.child.pid}:`);
    } finally {
      await projector.kill('SIGTERM');
      db.close();
    }
  });
});
