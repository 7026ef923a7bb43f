// Runs the projection runner in its own process so that a test can SIGKILL it mid-batch.
// Imports the compiled libraries in dist/ (npm test builds them before jest runs).
// Usage: node projection-child.mjs <read-store file> <environments>
import { MemoryEventStore } from '#event-store';
import { createReadStore, ProjectionRunner, READ_MODELS } from '#read-model';
import { appendServiceHistory } from './service-history.mjs';

const [file, environments] = process.argv.slice(2);
const eventStore = new MemoryEventStore();
await appendServiceHistory(eventStore, Number(environments));

const store = await createReadStore({ kind: 'sqlite', file });
const runner = new ProjectionRunner({ eventStore, store, models: READ_MODELS, maxBatchSize: 5, catchUpBatchSize: 5 });
await runner.start();
setInterval(() => process.stdout.write(`applied ${runner.position()}\n`), 1).unref();
