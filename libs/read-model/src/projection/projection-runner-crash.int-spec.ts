import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MemoryEventStore } from '#event-store';
import { createReadStore } from '../create-read-store.js';
import type { ReadStore } from '../read-store.js';
import { READ_MODELS } from '../read-models/read-models.js';
import { appendServiceHistory } from '../testing/service-history.mjs';
import { silentLogger, temporaryDirectory } from '../testing/sqlite-fixture.js';
import { ProjectionRunner } from './projection-runner.js';

const ENVIRONMENTS = 300;
const EVENTS = ENVIRONMENTS * 13;
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('../testing/projection-child.mjs', import.meta.url));
const compiled = ['dist/libs/read-model/src/index.js', 'dist/libs/event-store/src/index.js'];
const built = compiled.every((path) => existsSync(root + path));

/** Starts the child runner and SIGKILLs it once it has committed past `killAfter`. */
function runAndKill(file: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const childProcess = spawn('node', [child, file, String(ENVIRONMENTS)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastApplied = 0;
    let errors = '';
    childProcess.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    childProcess.stdout.on('data', (chunk: Buffer) => {
      const positions = [...chunk.toString().matchAll(/applied (\d+)/g)].map((match) => Number(match[1]));
      lastApplied = Math.max(lastApplied, ...positions);
      if (lastApplied >= killAfter) childProcess.kill('SIGKILL');
    });
    childProcess.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(lastApplied) : reject(new Error(`child exited without being killed: ${errors}`)),
    );
  });
}

async function projectToHead(eventStore: MemoryEventStore, store: ReadStore): Promise<void> {
  const runner = new ProjectionRunner({ eventStore, store, models: READ_MODELS, logger: silentLogger });
  await runner.start();
  expect(await runner.waitForPosition(EVENTS, 10_000)).toBe(true);
  await runner.stop();
}

/** Every environment's read models through the store's own queries. */
async function snapshot(store: ReadStore) {
  const environments = (await store.environments({ limit: ENVIRONMENTS + 1, after: null })).items;
  const all = { limit: 10, after: null };
  return Promise.all(
    environments.map(async ({ environmentId }) => ({
      environmentId,
      connectors: (await store.appConnectors(environmentId, {}, all)).items,
      tokens: await store.tokens(environmentId, 'c1'),
      users: (await store.users(environmentId, all)).items,
      groups: (await store.userGroups(environmentId, all)).items,
    })),
  );
}

if (!built) console.warn('Projection SIGKILL test skipped: dist/ not built (npm test builds it; or run npm run build)');

(built ? describe : describe.skip)('ProjectionRunner killed with SIGKILL in a child process', () => {
  const files = temporaryDirectory('projection-kill-');
  afterAll(() => files.cleanup());

  it('resumes in a new process to the same read models as a clean run', async () => {
    const eventStore = new MemoryEventStore();
    await appendServiceHistory(eventStore, ENVIRONMENTS);
    const file = files.file('killed.db');
    const killAfter = 300 + Math.floor(Math.random() * 2000);
    const lastReported = await runAndKill(file, killAfter);

    const resumed = await createReadStore({ kind: 'sqlite', file });
    const checkpoints = await Promise.all(READ_MODELS.map((model) => resumed.checkpoint(model.name)));
    expect(Math.min(...checkpoints)).toBeGreaterThanOrEqual(lastReported);
    expect(Math.min(...checkpoints)).toBeLessThan(EVENTS);
    await projectToHead(eventStore, resumed);

    const clean = await createReadStore({ kind: 'sqlite', file: files.file('clean.db') });
    await projectToHead(eventStore, clean);
    const resumedSnapshot = await snapshot(resumed);
    expect(resumedSnapshot).toHaveLength(ENVIRONMENTS);
    expect(resumedSnapshot).toEqual(await snapshot(clean));
    await Promise.all([resumed.close(), clean.close(), eventStore.close()]);
  }, 30_000);
});
