import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MemoryEventStore } from '#event-store';
import { SqliteReadStore } from '../store/sqlite/sqlite-read-store.js';
import { snapshotReadModel } from '../testing/read-model-snapshot.js';
import { appendSampleEvents } from '../testing/sample-events.js';
import { thingsProjection, typeCountsProjection } from '../testing/sample-projections.js';
import { silentLogger, temporaryDirectory } from '../testing/sqlite-fixture.js';
import type { ReadStore } from '../store/read-store.port.js';
import { ProjectionRunner } from './projection-runner.js';

const EVENTS = 3000;
const SEED = 5;
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const child = fileURLToPath(new URL('../testing/projection-child.mjs', import.meta.url));
const compiled = ['dist/libs/read-model/src/index.js', 'dist/libs/read-model/src/testing/sample-projections.js', 'dist/libs/event-store/src/index.js'];
const built = compiled.every((path) => existsSync(root + path));
const projections = () => [thingsProjection(), typeCountsProjection()];

/** Starts the child runner and SIGKILLs it once it has committed past `killAfter`. */
function runAndKill(file: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const childProcess = spawn('node', [child, file, String(EVENTS), String(SEED)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const runner = new ProjectionRunner({ eventStore, store, projections: projections(), logger: silentLogger });
  await runner.start();
  expect(await runner.waitForPosition(EVENTS, 10_000)).toBe(true);
  await runner.stop();
}

if (!built) console.warn('Projection SIGKILL test skipped: dist/ not built (npm test builds it; or run npm run build)');

(built ? describe : describe.skip)('ProjectionRunner killed with SIGKILL in a child process', () => {
  const files = temporaryDirectory('projection-kill-');
  afterAll(() => files.cleanup());

  it('resumes in a new process to the same read model as a clean run', async () => {
    const eventStore = new MemoryEventStore();
    await appendSampleEvents(eventStore, EVENTS, SEED);
    const file = files.file('killed.db');
    const killAfter = 300 + Math.floor(Math.random() * 1500);
    const lastReported = await runAndKill(file, killAfter);

    const resumed = SqliteReadStore.open({ file });
    const checkpoint = await resumed.getCheckpoint('type_counts');
    expect(checkpoint).toBeGreaterThanOrEqual(lastReported);
    expect(checkpoint).toBeLessThan(EVENTS);
    await projectToHead(eventStore, resumed);

    const clean = SqliteReadStore.open({ file: files.file('clean.db') });
    await projectToHead(eventStore, clean);
    expect(await snapshotReadModel(resumed, projections())).toEqual(await snapshotReadModel(clean, projections()));
    await Promise.all([resumed.close(), clean.close(), eventStore.close()]);
  }, 20_000);
});
