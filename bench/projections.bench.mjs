// Projection throughput against SQLite's own insert rate, in one run on one machine:
//   (a) ceiling: plain INSERTs of JSON rows, one transaction per batch (read-store pragmas);
//   (b) catch-up: a fresh ProjectionRunner with every read model over the whole event store;
//   (c) rebuild: `rebuild` into tables beside the live ones, with peak memory (RSS and heap, sampled).
// Target: (b) and (c) at least 1/3 of (a). On demand only (not in npm test); writes ~2 GB to a temp folder.
// Usage: npm run build && node --max-semi-space-size=32 bench/projections.bench.mjs [--events 1000000] [--rounds 3] [--batch-size 2000] [--page-size 10000] [--keep]
// (the flag as `npm start` runs the service: a 64 MB young generation, so that a page of events
// being projected is collected young instead of being copied and promoted)
// --batch-size: rows per ceiling transaction and the runner's live batches; --page-size: events per
// `readAll` page and transaction of the catch-up and the rebuild (`catchUpBatchSize`, `batchSize`).
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentStreams } from './support/connector-events.mjs';
import { stealMeter } from './support/cpu-steal.mjs';
import { withMemoryPeak } from './support/memory-peak.mjs';
import { insertCeiling } from './support/sqlite-ceiling.mjs';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, 'batch-size': { type: 'string', default: '2000' }, 'page-size': { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});
const totalEvents = Number(values.events);
const batchSize = Number(values['batch-size']);
const pageSize = Number(values['page-size']);
const roundCount = Number(values.rounds);

// dist/, as the service runs; imported late so that a missing build gets a clear message.
const { SqliteEventStore } = await import('../dist/libs/event-store/src/index.js').catch(missingBuild);
const { ProjectionRunner, READ_MODELS, createReadStore, rebuild } = await import('../dist/libs/read-model/src/index.js').catch(missingBuild);

const flushToDisk = (file) => {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
const removeDatabase = (file) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, file + suffix), { force: true });
};
const formatSteal = (round) => (round.stolenPercent === null ? 'n/a' : `${round.stolenPercent.toFixed(1)}%`);
const perSecond = (run) => run.events / run.seconds;
const ratioOf = (run, round) => (perSecond(run) / perSecond(round.ceiling)).toFixed(3);

const dir = mkdtempSync(join(tmpdir(), 'app-connectors-projections-bench-'));
const log = (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
try {
  const eventsFile = join(dir, 'events.sqlite');
  const fill = await withMemoryPeak(() => fillEventStore(eventsFile));
  const head = fill.result;
  log(`filled ${head} events in ${fill.seconds.toFixed(1)} s (${rate(head, fill.seconds)} events/s), ${mb(statSync(eventsFile).size)} MB`);
  // The fill wrote without fsync; its pages go to disk now rather than during the first measurement.
  flushToDisk(eventsFile);

  // Rounds of (ceiling, rebuild, catch-up), each ratio taken against the ceiling of its own round: on a
  // shared VM the machine's speed drifts by a third within minutes, and a ceiling measured minutes
  // apart would turn that drift into the ratio. The table shows the medians.
  const models = READ_MODELS;
  const rounds = [];
  for (let round = 1; round <= roundCount; round++) {
    rounds.push(await measureRound(eventsFile, head, models));
    const last = rounds.at(-1);
    log(`round ${round}: ceiling ${rate(last.ceiling.events, last.ceiling.seconds)} rows/s; catch-up ${ratioOf(last.catchUp, last)}, rebuild ${ratioOf(last.rebuild, last)} of it; CPU steal ${formatSteal(last)}`);
  }

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
  console.log(`events: ${head} in ${Math.ceil(head / 330)} environments; read models: ${models.map((m) => `${m.name} v${m.version}`).join(', ')}; batch ${batchSize}, catch-up/rebuild page ${pageSize}; ${roundCount} rounds, medians`);
  console.log(table(rounds));
  console.log(`\nratio per round: catch-up ${rounds.map((r) => ratioOf(r.catchUp, r)).join(' / ')}; rebuild ${rounds.map((r) => ratioOf(r.rebuild, r)).join(' / ')}; CPU steal ${rounds.map(formatSteal).join(' / ')}`);
} finally {
  if (values.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

/** One round: the ceiling, then a rebuild and a catch-up, each into a fresh read-store file. */
async function measureRound(eventsFile, head, models) {
  const steal = stealMeter();
  const ceiling = await withMemoryPeak(() => insertCeiling(join(dir, 'ceiling.sqlite'), totalEvents, batchSize));
  removeDatabase('ceiling.sqlite');
  const eventStore = new SqliteEventStore(eventsFile);
  // The rebuild runs first: the catch-up leaves a large heap behind, which would otherwise be
  // charged to the rebuild's peak.
  const rebuildStore = await createReadStore({ kind: 'sqlite', file: join(dir, 'read-models-rebuild.sqlite') }, models);
  let lastReport = 0;
  const rebuilt = await withMemoryPeak((sample) =>
    rebuild({
      eventStore,
      store: rebuildStore,
      models,
      batchSize: pageSize,
      onProgress: (progress) => {
        sample();
        if (performance.now() - lastReport < 10_000) return;
        lastReport = performance.now();
        log(`rebuild at position ${progress.position} of ${progress.headPosition}, ${progress.eventsPerSecond} events/s`);
      },
    }),
  );
  if (rebuilt.result.deadLetters > 0) log(`rebuild: ${rebuilt.result.deadLetters} dead letters`);
  await rebuildStore.close();
  // Each phase starts on a quiet disk: left in place, the rebuild's dirty pages would be written back
  // while the catch-up waits for its own fsyncs.
  removeDatabase('read-models-rebuild.sqlite');

  const catchUpStore = await createReadStore({ kind: 'sqlite', file: join(dir, 'read-models-catch-up.sqlite') }, models);
  const catchUp = await withMemoryPeak(async (sample) => {
    const runner = new ProjectionRunner({ eventStore, store: catchUpStore, models, maxBatchSize: batchSize, catchUpBatchSize: pageSize, logger: { warn: log, error: log } });
    await runner.start();
    for (let waited = 0; !(await runner.waitForPosition(head, 100)); waited++) {
      sample();
      if (waited % 100 === 99) log(`catch-up at position ${runner.position()} of ${head}`);
    }
    await runner.stop();
  });
  await catchUpStore.close();
  await eventStore.close();
  removeDatabase('read-models-catch-up.sqlite');
  return {
    stolenPercent: steal(),
    // Only the transactions count towards the ceiling, not generating the rows.
    ceiling: { events: ceiling.result.rows, seconds: ceiling.result.seconds, peak: ceiling },
    rebuild: { events: rebuilt.result.eventsDone, seconds: rebuilt.seconds, peak: rebuilt },
    catchUp: { events: head, seconds: catchUp.seconds, peak: catchUp },
  };
}

/**
 * One append per stream through the store's own write path. The fill turns off fsync on the
 * store's connection (a private field): it changes how durable the writes are, not what is written,
 * and is not what this benchmark measures.
 */
async function fillEventStore(file) {
  const store = new SqliteEventStore(file);
  store.db.pragma('synchronous = OFF');
  let last = { position: 0 };
  for (const { streamId, events } of environmentStreams(totalEvents)) {
    last = await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' });
    if (last.position % 100_000 < events.length) log(`filling: ${last.position} events`);
  }
  await store.close();
  return last.position;
}

/** Medians over the rounds: rates, each round's ratio to its own ceiling, peak memory. */
function table(rounds) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const out = [line(['run', 'events', 'events/s', 'ratio to ceiling', 'peak RSS MB', 'peak heap MB'])];
  out.push(line(['---', '---:', '---:', '---:', '---:', '---:']));
  const rows = [
    ['(a) ceiling: INSERT JSON rows, 1 tx per batch', 'ceiling'],
    ['(b) catch-up: fresh ProjectionRunner', 'catchUp'],
    ['(c) rebuild beside the live read models', 'rebuild'],
  ];
  for (const [name, key] of rows) {
    const runs = rounds.map((round) => round[key]);
    out.push(
      line([
        name,
        String(runs[0].events),
        String(Math.round(median(runs.map(perSecond)))),
        median(rounds.map((round) => perSecond(round[key]) / perSecond(round.ceiling))).toFixed(3),
        median(runs.map((run) => run.peak.peakRssMb)).toFixed(0),
        median(runs.map((run) => run.peak.peakHeapMb)).toFixed(0),
      ]),
    );
  }
  return out.join('\n');
}

function rate(events, seconds) {
  return String(Math.round(events / seconds));
}

function mb(bytes) {
  return (bytes / 2 ** 20).toFixed(0);
}

function missingBuild(error) {
  throw new Error(`dist/ is missing or stale: run \`npm run build\` first (${error.message})`);
}
