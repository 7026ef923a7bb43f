import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collect } from '../contract/fixtures.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const builtIndex = join(repoRoot, 'dist/libs/event-store/src/index.js');
const child = join(here, 'testing/append-events.mjs');

/** The child runs the adapter from dist/, so make sure dist/ holds this source, not an older one. */
function ensureBuilt(): void {
  const sources = resolve(here, '..');
  const newestSource = Math.max(
    ...readdirSync(sources, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => statSync(join(sources, file)).mtimeMs),
  );
  const isFresh = () => existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource;
  if (isFresh()) return;
  // Type errors elsewhere in the repo do not stop tsc from emitting, so its exit code is not the test.
  spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  if (!isFresh()) throw new Error(`could not build ${builtIndex}; run "npx tsc -p tsconfig.build.json" and look at its errors`);
}

interface Ack {
  readonly position: number;
  readonly id: string;
}

/** Starts the appender and collects its acknowledgements until the process exits. */
function startAppender(file: string, appends?: number): { process: ChildProcess; acks: Ack[]; exited: Promise<void> } {
  const proc = spawn(process.execPath, [child, file, ...(appends === undefined ? [] : [String(appends)])], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acks: Ack[] = [];
  let partial = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const [position, id] = line.split(' ');
      acks.push({ position: Number(position), id: id! });
    }
  });
  const exited = new Promise<void>((done) => proc.on('close', () => done()));
  return { process: proc, acks, exited };
}

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sqlite-durability-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteEventStore across processes', () => {
  it('a live subscription sees appends made by another process, by polling', async () => {
    const file = join(dir, 'polling.sqlite');
    const store = new SqliteEventStore(file, { pollIntervalMs: 20 });
    const subscription = store.subscribeToAll();
    const appender = startAppender(file, 5);
    const received = await collect(subscription, 10, () => true, undefined, 10_000);
    await appender.exited;
    expect(appender.process.exitCode).toBe(0);
    expect(received.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(received.filter((e) => e.position % 2 === 0).map((e) => e.id)).toEqual(appender.acks.map((a) => a.id));
    await store.close();
  }, 20_000);

  it('keeps every acknowledged append when the writer is killed with SIGKILL', async () => {
    const file = join(dir, 'killed.sqlite');
    const appender = startAppender(file);
    await new Promise<void>((resolveWait, reject) => {
      const timer = setInterval(() => appender.acks.length >= 300 && (clearInterval(timer), resolveWait()), 5);
      appender.process.on('exit', () => (clearInterval(timer), reject(new Error('the appender exited before it was killed'))));
    });
    appender.process.kill('SIGKILL');
    await appender.exited;
    expect(appender.process.signalCode).toBe('SIGKILL');

    const store = new SqliteEventStore(file);
    const events = await store.readAll();
    await store.close();
    const lastAck = appender.acks[appender.acks.length - 1]!;
    expect(events.length).toBeGreaterThanOrEqual(lastAck.position);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    const idAt = new Map(events.map((e) => [e.position, e.id]));
    expect(appender.acks.filter((ack) => idAt.get(ack.position) !== ack.id)).toEqual([]);
    for (const stream of ['durability-0', 'durability-1', 'durability-2']) {
      const revisions = events.filter((e) => e.streamId === stream).map((e) => e.revision);
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
  }, 60_000);
});
