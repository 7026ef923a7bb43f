// Runs the projection runner in its own process so that a test can SIGKILL it mid-transaction.
// Imports the compiled code in dist/ (npm test builds it before jest runs).
// Usage: node projection-child.mjs <read-store file> <event count> <seed>
import { MemoryEventStore } from '#event-store';
import { ProjectionRunner, SqliteReadStore } from '#read-model';

const testing = new URL('../../../../dist/libs/read-model/src/testing/', import.meta.url);
const { appendSampleEvents } = await import(new URL('sample-events.js', testing).href);
const { thingsProjection, typeCountsProjection } = await import(new URL('sample-projections.js', testing).href);

const [file, count, seed] = process.argv.slice(2);
const eventStore = new MemoryEventStore();
await appendSampleEvents(eventStore, Number(count), Number(seed));

// A turn of the event loop inside every apply keeps transactions open long enough to be killed in.
const slowed = (projection) => ({
  ...projection,
  apply: async (event, tx) => {
    await new Promise((resolve) => setImmediate(resolve));
    return projection.apply(event, tx);
  },
});

const store = SqliteReadStore.open({ file });
const runner = new ProjectionRunner({
  eventStore,
  store,
  projections: [slowed(thingsProjection()), slowed(typeCountsProjection())],
  maxBatchSize: 5,
});
runner.onApplied((batch) => process.stdout.write(`applied ${batch[batch.length - 1].position}\n`));
await runner.start();
