import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { loadStoreConfig, parseSettings, storeSettings } from '#config';
import { createEventStore } from '#event-store';
import { CliError, requireExistingEventStore, runCli } from './cli-support.js';
import { copyEvents, NotACopyError } from './migrate/copy-events.js';
import { verifyCopy } from './migrate/verify-copy.js';

const HELP = `migrate:eventstoredb: copy every event of the embedded event store to EventStoreDB.

Usage: npm run migrate:eventstoredb [-- --batch-size <n>]
       node dist/apps/cli/migrate-eventstoredb.js [--batch-size <n>]

Copies the events of DATA_DIR/events.sqlite to the EventStoreDB at EVENTSTOREDB_URL in their global
order, each with its id, type, data and metadata (actor, time, correlation) and at its own stream
revision, then checks that every stream on EventStoreDB has the same number of events ending with
the same one. Stop the service first, so that no event is written during the copy.

Resumable: after a failure, run it again. It finds the last event already on EventStoreDB and
goes on from there; every append names the stream revision it expects, so no event is written
twice. A target that holds other events in these streams is refused, and nothing is overwritten.
Not copied: the markers of Idempotency-Key retries (valid for IDEMPOTENCY_TTL_HOURS).

Then start the service with EVENT_STORE=eventstoredb, EVENTSTOREDB_URL, READ_STORE=mongodb and
MONGODB_URL: the read models are rebuilt from the events.

Options:
  --batch-size <n>  events per read (default 1000)
  -h, --help        this text

Reads DATA_DIR (the source) and EVENTSTOREDB_URL (the target).
`;

const settings = z.object({
  DATA_DIR: storeSettings.DATA_DIR,
  EVENTSTOREDB_URL: z.string({ error: 'EVENTSTOREDB_URL is required: the EventStoreDB to copy to' }).min(1),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'batch-size': { type: 'string', default: '1000' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new CliError('--batch-size must be a whole number from 1 to 100000');
  const env = parseSettings(settings, process.env);
  const embedded = loadStoreConfig({ DATA_DIR: env.DATA_DIR });
  requireExistingEventStore(embedded);

  const source = await createEventStore(embedded.eventStore);
  const target = await createEventStore({ kind: 'eventstoredb', connectionString: env.EVENTSTOREDB_URL });
  const bar = new cliProgress.SingleBar({ format: 'copy |{bar}| {percentage}% | position {value}/{total} | {copied} copied', hideCursor: true }, cliProgress.Presets.shades_classic);
  try {
    bar.start(Math.max(await source.headPosition(), 1), 0, { copied: 0 });
    const result = await copyEvents({
      source,
      target,
      batchSize,
      onProgress: (progress) => {
        bar.setTotal(Math.max(progress.headPosition, 1));
        bar.update(progress.position, { copied: progress.copied });
      },
    });
    bar.stop();
    const count = await verifyCopy(source, target, batchSize);
    const resumed = result.resumedAfter > 0 ? `, resumed after position ${result.resumedAfter}` : '';
    process.stdout.write(`copied ${result.copied} events${resumed}; count check: ${count.events} events in ${count.streams} streams on both\n`);
  } catch (error) {
    if (error instanceof NotACopyError) throw new CliError(error.message);
    throw error;
  } finally {
    bar.stop();
    await target.close();
    await source.close();
  }
}

runCli('migrate:eventstoredb', main);
