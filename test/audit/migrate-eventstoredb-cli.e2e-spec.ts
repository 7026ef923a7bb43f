import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.js';

// Its copy against a real store adapter is apps/cli/migrate/copy-events.int-spec.ts; no EventStoreDB here.
describe('migrate:eventstoredb CLI (node dist/apps/cli/migrate-eventstoredb.js)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'migrate-eventstoredb-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('explains itself with --help', async () => {
    const run = await runCli('migrate-eventstoredb', ['--help'], {});
    expect(run.code).toBe(0);
    for (const text of ['DATA_DIR', 'EVENTSTOREDB_URL', 'Resumable', '--batch-size']) expect(run.stdout).toContain(text);
  });

  it('refuses to start without EVENTSTOREDB_URL, naming it', async () => {
    const run = await runCli('migrate-eventstoredb', [], { DATA_DIR: dataDir, EVENTSTOREDB_URL: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^migrate:eventstoredb: invalid configuration:\n {2}EVENTSTOREDB_URL: EVENTSTOREDB_URL is required/);
    expect(run.stdout).toBe('');
  });

  it('refuses a data folder without an event store, and leaves none behind', async () => {
    const run = await runCli('migrate-eventstoredb', [], { DATA_DIR: dataDir, EVENTSTOREDB_URL: 'esdb://eventstoredb:2113?tls=false' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no event store at ${join(dataDir, 'events.sqlite')}`);
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(false);
  });

  it('refuses a bad --batch-size', async () => {
    const run = await runCli('migrate-eventstoredb', ['--batch-size', '0'], { DATA_DIR: dataDir, EVENTSTOREDB_URL: 'esdb://eventstoredb:2113?tls=false' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--batch-size must be a whole number');
  });
});
