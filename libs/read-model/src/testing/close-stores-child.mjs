// Child process for worker-threads-exit.int-spec.ts: opens both embedded stores from dist/ (a child
// cannot load TypeScript), makes each start its worker thread, closes them (the event store with an
// append in flight), and prints `closed` only if the process was still there when both had finished.
import { SqliteEventStore } from '#event-store';
import { createReadStore } from '#read-model';

const [dir] = process.argv.slice(2);
const events = new SqliteEventStore(`${dir}/events.sqlite`);
const metadata = { actor: 'child', correlationId: 'c', causationId: 'c', sourceIp: null, time: new Date().toISOString(), schemaVersion: 1 };
await events.appendToStream('s', [{ type: 'Appended', data: {}, metadata }], { expectedRevision: 'no_stream' });
const readStore = await createReadStore({ kind: 'sqlite', file: `${dir}/read-models.sqlite` });
await readStore.close();
// Closed while an append is still in flight: the close waits for it.
const inFlight = events.appendToStream('s', [{ type: 'Appended', data: {}, metadata }], { expectedRevision: 0 });
await events.close();
await inFlight;
process.stdout.write('closed\n');
