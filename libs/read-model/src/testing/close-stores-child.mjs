// Child process for worker-threads-exit.int-spec.ts: opens both embedded stores from dist/ (a child
// cannot load TypeScript), makes each start its worker thread, closes them, and prints `closed`
// only if the process was still there when both closes had finished.
import { SqliteEventStore } from '#event-store';
import { createReadStore } from '#read-model';

const [dir] = process.argv.slice(2);
const events = new SqliteEventStore(`${dir}/events.sqlite`);
const metadata = { actor: 'child', correlationId: 'c', causationId: 'c', sourceIp: null, time: new Date().toISOString(), schemaVersion: 1 };
await events.appendToStream('s', [{ type: 'Appended', data: {}, metadata }], { expectedRevision: 'no_stream' });
const readStore = await createReadStore({ kind: 'sqlite', file: `${dir}/read-models.sqlite` });
await readStore.close();
await events.close();
process.stdout.write('closed\n');
