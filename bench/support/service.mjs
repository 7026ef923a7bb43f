// Starts the built service (dist/) on a fresh data folder for a benchmark, like `npm start` does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pinnedCommand } from './cpu-pinning.mjs';

export const ADMIN_KEY = 'bench-admin-key-0123456789';
const MAIN = resolve('dist/apps/api/src/main.js');
/** The same service with unguarded control routes for the benchmarks (see that file). */
const MAIN_WITH_CONTROLS = resolve('bench/support/service-with-controls.mjs');
/** As `npm start` runs it (package.json). */
const NODE_FLAGS = ['--max-semi-space-size=32'];
/** As `npm run start:api` runs an instance with PROJECTIONS=off. */
export const API_INSTANCE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=15'];

/**
 * `controls`: start it with the bench's unguarded control routes (`service-with-controls.mjs`).
 * `dataDir`: a folder shared with other processes, left in place by `stop` (default: a fresh one, removed).
 * `startTimeoutMs`: how long it may take to answer (a start over a large log takes longer).
 * `nodeFlags`: Node's flags (default: those of `npm start`).
 */
export async function startService(extraEnv = {}, { pinned = false, controls = false, dataDir: shared, startTimeoutMs = 20_000, nodeFlags = NODE_FLAGS } = {}) {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` first');
  const dataDir = shared ?? mkdtempSync(join(tmpdir(), 'app-connectors-bench-'));
  const port = await freePort();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', ...extraEnv };
  const entry = controls ? MAIN_WITH_CONTROLS : MAIN;
  const [command, args] = pinned ? pinnedCommand(process.execPath, [...nodeFlags, entry]) : [process.execPath, [...nodeFlags, entry]];
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilLive(url, child, () => output, startTimeoutMs);
  return {
    url,
    dataDir,
    pid: child.pid,
    /** CPU seconds (user + system) the service has used so far; null where /proc is not there. */
    cpuSeconds: () => processCpuSeconds(child.pid),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
      if (!shared) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function admin(url, method, path, body) {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text);
}

export function processCpuSeconds(pid) {
  try {
    // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" of the name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** USER_HZ, 100 on every Linux build this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

async function waitUntilLive(url, child, output, timeoutMs) {
  for (const deadline = performance.now() + timeoutMs; performance.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not start within ${timeoutMs} ms:\n${output()}`);
}
