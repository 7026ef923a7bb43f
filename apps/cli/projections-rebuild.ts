import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadStoreConfig } from '#config';
import { createEventStore } from '#event-store';
import { createReadStore, READ_MODELS, rebuild, type RebuildProgress, type RebuildResult } from '#read-model';
import { CliError, requireExistingEventStore, runCli } from './cli-support.js';

const HELP = `projections:rebuild: rebuild every read model from the first event, beside the live ones.

Usage: npm run projections:rebuild [-- --batch-size <n>]
       node dist/apps/cli/projections-rebuild.js [--batch-size <n>]

Replays the whole event store into new read models beside the live ones, which keep serving, then
switches readers, checkpoints and dead letters to them in one step and drops the old ones (the
next generation). Safe while the service runs: its projection runner finds the checkpoints moved
and continues from them. Run it to repair read models; a read model whose version changed is
replayed by the service itself when it starts.

Options:
  --batch-size <n>  events per read and transaction (default 10000, as bench:projections measures)
  -h, --help        this text

Reads DATA_DIR, EVENT_STORE and READ_STORE (and their URLs) like the service.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'batch-size': { type: 'string', default: '10000' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new CliError('--batch-size must be a whole number from 1 to 100000');

  const config = loadStoreConfig(process.env);
  requireExistingEventStore(config);
  const eventStore = await createEventStore(config.eventStore);
  const store = await createReadStore(config.readStore).catch(async (error: unknown) => {
    await eventStore.close();
    throw error;
  });
  // Positions, not event counts, measure progress: they are what every event store can compare to its head.
  const bar = new cliProgress.SingleBar(
    { format: 'rebuild |{bar}| {percentage}% | {eventsDone} events | {eventsPerSecond} events/s | {phase}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const startedAt = performance.now();
  const onProgress = (progress: RebuildProgress) => {
    bar.setTotal(Math.max(progress.headPosition, 1));
    bar.update(progress.position, { eventsDone: progress.eventsDone, eventsPerSecond: progress.eventsPerSecond, phase: progress.phase });
  };
  let result: RebuildResult;
  try {
    bar.start(await eventStore.headPosition(), 0, { eventsDone: 0, eventsPerSecond: 0, phase: 'replaying' });
    result = await rebuild({ eventStore, store, models: READ_MODELS, batchSize, onProgress });
  } finally {
    bar.stop();
    await store.close();
    await eventStore.close();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  process.stdout.write(
    `rebuilt ${READ_MODELS.map((model) => model.name).join(', ')}: ${result.eventsDone} events in ${seconds.toFixed(2)} s ` +
      `(${Math.round(result.eventsDone / Math.max(seconds, 0.001))} events/s), generation ${result.generation}, ` +
      `position ${result.position}, ${result.deadLetters} dead letter(s)\n`,
  );
}

runCli('projections:rebuild', main);
