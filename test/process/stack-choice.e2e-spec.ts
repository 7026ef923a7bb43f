import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('dist/apps/api/src/main.js');
const ESDB = 'esdb://admin:esdb-password@eventstoredb:2113?tls=false';
const MONGO = 'mongodb://app:mongo-password@mongodb:27017/?replicaSet=rs0';

/** The service's own settings only: URLs a developer exported for the contract suites must not leak in. */
function serviceEnv(env: Record<string, string>): Record<string, string | undefined> {
  const { EVENT_STORE, EVENTSTOREDB_URL, READ_STORE, MONGODB_URL, ...rest } = process.env;
  return { ...rest, PORT: '0', HOST: '127.0.0.1', ...env };
}

describe('the stack the service runs on (dist/, as npm start runs it)', () => {
  let root: string;
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the e2e suites');
    root = mkdtempSync(join(tmpdir(), 'app-connectors-stack-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['EventStoreDB without MongoDB', { EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: ESDB }, ['READ_STORE', 'MONGODB_URL']],
    ['MongoDB without EventStoreDB', { READ_STORE: 'mongodb', MONGODB_URL: MONGO }, ['EVENT_STORE', 'EVENTSTOREDB_URL']],
    ['both chosen, the MongoDB URL missing', { EVENT_STORE: 'eventstoredb', EVENTSTOREDB_URL: ESDB, READ_STORE: 'mongodb' }, ['MONGODB_URL is required']],
  ])('refuses half of the server stack (%s): exit code 1, the missing variable named, nothing created', (_, env, named) => {
    const dataDir = join(root, `half-${Object.keys(env).join('-')}`);
    const result = spawnSync(process.execPath, [MAIN], { encoding: 'utf8', env: serviceEnv({ ...env, DATA_DIR: dataDir }), timeout: 15_000 });
    expect(result.status).toBe(1);
    for (const name of named) expect(result.stderr).toContain(name);
    expect(result.stderr).not.toContain('password');
    expect(result.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('logs the embedded stack with its data folder when it starts', async () => {
    const dataDir = join(root, 'embedded');
    const child = spawn(process.execPath, [MAIN], { env: serviceEnv({ DATA_DIR: dataDir, ADMIN_API_KEY: 'stack-choice-admin-key' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((done, fail) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Server listening')) done();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => fail(new Error(`service exited with ${code}:\n${output}`)));
    });
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    const line = output.split('\n').find((text) => text.includes('"context":"stores"'));
    expect(JSON.parse(line!).msg).toBe(`embedded stack: SQLite event store and read models in ${dataDir}`);
  }, 20_000);
});
