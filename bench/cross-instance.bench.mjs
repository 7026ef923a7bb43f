// Several processes on one data folder: two API instances (PROJECTIONS=off) and a projector.
// (1) Revocation reach: a token revoked through instance A; the delay from A's answer until A itself
//     refuses the token (the baseline: the in-process change signal) and until instance B refuses it
//     (B learns of appends by another process through its store's poll), both polled at once after
//     the same revocation.
// (2) Cold start (--cold-events > 0): an instance with PROJECTIONS=off started on a folder holding a
//     large log, from spawn until it answers, against a raw read of all events (readAll pages) in this
//     process; with the instance's peak RSS and its RSS once it answers. Its guard index folds the whole
//     log before it listens. Each round starts it as `npm run start:api` does and, as the baseline of
//     the same run, with the flags of `npm start`.
// Usage: npm run build && node bench/cross-instance.bench.mjs [--revocations 200] [--cold-events 1000000] [--rounds 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentStreams } from './support/connector-events.mjs';
import { stealMeter } from './support/cpu-steal.mjs';
import { readyConnector } from './support/ready-connector.mjs';
import { admin, ADMIN_KEY, API_INSTANCE_FLAGS, startService } from './support/service.mjs';

/** `npm start`'s flags, which are also what an instance ran with before `start:api`. */
const BEFORE_FLAGS = ['--max-semi-space-size=32'];

const { values } = parseArgs({
  options: { revocations: { type: 'string', default: '200' }, 'cold-events': { type: 'string', default: '0' }, rounds: { type: 'string', default: '3' } },
});
const revocations = Number(values.revocations);
const coldEvents = Number(values['cold-events']);
const rounds = Number(values.rounds);
const env = '12345';
const log = (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
if (revocations > 0) await revocationReach();
if (coldEvents > 0) await coldStart();

async function revocationReach() {
  const dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-cross-instance-'));
  const projector = await startProjector(dataDir);
  const a = await startService({ PROJECTIONS: 'off' }, { dataDir });
  const b = await startService({ PROJECTIONS: 'off' }, { dataDir });
  const steal = stealMeter();
  try {
    const { base } = await readyConnector(a.url, env);
    const sameInstance = [];
    const otherInstance = [];
    for (let i = 0; i < revocations; i++) {
      const issued = await admin(a.url, 'POST', `${base}/tokens`, { userId: `${env}.bench`, description: `device ${i}` });
      const headers = { authorization: `AfasToken ${Buffer.from(issued.token).toString('base64')}` };
      await Promise.all([untilStatus(a, headers, (s) => s === 200), untilStatus(b, headers, (s) => s === 200)]);
      await remove(a.url, `${base}/tokens/${issued.id}`);
      const answered = performance.now();
      const [onA, onB] = await Promise.all([untilStatus(a, headers, (s) => s !== 200), untilStatus(b, headers, (s) => s !== 200)]);
      sameInstance.push(onA - answered);
      otherInstance.push(onB - answered);
      if (i % 50 === 49) log(`${i + 1} revocations`);
    }
    const stolen = steal();
    console.log(`\nrevocation sent to A → token refused, ${revocations} revocations (from A's answer; CPU steal ${stolen === null ? 'n/a' : `${stolen.toFixed(1)}%`}):`);
    console.log('| refused by | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: |');
    console.log(`| instance A itself (baseline) | ${pct(sameInstance, 50)} | ${pct(sameInstance, 99)} | ${pct(sameInstance, 100)} |`);
    console.log(`| instance B (another process) | ${pct(otherInstance, 50)} | ${pct(otherInstance, 99)} | ${pct(otherInstance, 100)} |`);
  } finally {
    await Promise.all([a.stop(), b.stop(), projector.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function coldStart() {
  const { SqliteEventStore } = await import('../dist/libs/event-store/src/index.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-cold-start-'));
  try {
    const file = join(dataDir, 'events.sqlite');
    const store = new SqliteEventStore(file);
    // Fill without fsync (as bench:projections does): how durable the fill is does not matter here.
    store.db.pragma('synchronous = OFF');
    let head = 0;
    for (const { streamId, events } of environmentStreams(coldEvents)) {
      head = (await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' })).position;
      if (head % 200_000 < events.length) log(`filling: ${head} events`);
    }
    await store.close();
    const results = { instance: [], before: [] };
    const startedIn = async (nodeFlags) => {
      const spawned = performance.now();
      const service = await startService({ PROJECTIONS: 'off' }, { dataDir, startTimeoutMs: 300_000, nodeFlags });
      const seconds = (performance.now() - spawned) / 1000;
      const rss = memoryOf(service.pid);
      await service.stop();
      return { seconds, ...rss };
    };
    for (let round = 1; round <= rounds; round++) {
      const raw = await rawRead(SqliteEventStore, file);
      const instance = { raw, ...(await startedIn(API_INSTANCE_FLAGS)) };
      const before = { raw, ...(await startedIn(BEFORE_FLAGS)) };
      results.instance.push(instance);
      results.before.push(before);
      log(`round ${round}: raw read ${raw.toFixed(2)} s; npm run start:api ready in ${instance.seconds.toFixed(2)} s, peak RSS ${instance.peakMb} MB; before: ${before.seconds.toFixed(2)} s, ${before.peakMb} MB`);
    }
    const median = (list, key) => [...list.map((r) => r[key])].sort((x, y) => x - y)[Math.floor(list.length / 2)];
    console.log(`\ncold start of an instance with PROJECTIONS=off over ${head} events (medians of ${rounds} rounds):`);
    console.log('| run | seconds | events/s | ratio to raw read | peak RSS MB | RSS when ready MB |\n| --- | ---: | ---: | ---: | ---: | ---: |');
    const raw = median(results.instance, 'raw');
    console.log(`| raw read of all events (readAll, pages of 10,000) | ${raw.toFixed(2)} | ${Math.round(head / raw)} | 1.000 | | |`);
    for (const [name, list] of [[`instance as npm run start:api (${API_INSTANCE_FLAGS.join(' ')})`, results.instance], [`instance with ${BEFORE_FLAGS.join(' ')} (before)`, results.before]]) {
      const seconds = median(list, 'seconds');
      console.log(`| ${name}, spawn to listening | ${seconds.toFixed(2)} | ${Math.round(head / seconds)} | ${(seconds / raw).toFixed(2)} | ${median(list, 'peakMb')} | ${median(list, 'nowMb')} |`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function rawRead(SqliteEventStore, file) {
  const store = new SqliteEventStore(file);
  const started = performance.now();
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, maxCount: 10_000 });
    if (page.length === 0) break;
    after = page.at(-1).position;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return seconds;
}

/** VmHWM (peak) and VmRSS of a process, in MB, from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
  return { peakMb: Math.round(kb('VmHWM') / 1024), nowMb: Math.round(kb('VmRSS') / 1024) };
}

async function startProjector(dataDir) {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', resolve('dist/apps/projector/src/main.js')], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((done, fail) => {
    const read = (chunk) => {
      output += chunk;
      if (output.includes('projector started')) done();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`projector exited with ${code}:\n${output}`)));
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

/** Polls MetaInfo on `instance` until `accept(status)`; resolves with the time it did. */
async function untilStatus(instance, headers, accept) {
  for (;;) {
    const response = await fetch(`${instance.url}/${env}/ProfitRestServices/MetaInfo`, { headers });
    await response.arrayBuffer();
    if (accept(response.status)) return performance.now();
  }
}

async function remove(url, path) {
  const response = await fetch(url + path, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  if (!response.ok) throw new Error(`DELETE ${path} → ${response.status} ${await response.text()}`);
}

function pct(values, p) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
}
