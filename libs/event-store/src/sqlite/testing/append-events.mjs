// Child process for sqlite-durability.int-spec.ts. It appends through the real adapter, built to
// dist/ (a child cannot load TypeScript), and prints "<position> <event id>" for the last event of
// each append only after appendToStream has resolved: every printed line is a promise of durability.
// Eight appends are in flight at a time, so the writer thread commits them in groups.
// Usage: node append-events.mjs <file> [appends]   (no count: append until killed)
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '#event-store';

const [file, appends] = process.argv.slice(2);
const limit = appends === undefined ? Infinity : Number(appends);
const store = new SqliteEventStore(file);
const metadata = {
  actor: 'process:append-events',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  sourceIp: null,
  time: new Date().toISOString(),
  schemaVersion: 1,
};

let next = 0;
async function appendInTurn() {
  for (let i = next++; i < limit; i = next++) await appendOne(i);
}

async function appendOne(i) {
  const last = randomUUID();
  const events = [
    { type: 'Appended', data: { i, part: 1 }, metadata },
    { id: last, type: 'Appended', data: { i, part: 2 }, metadata },
  ];
  const result = await store.appendToStream(`durability-${i % 3}`, events, { expectedRevision: 'any' });
  process.stdout.write(`${result.position} ${last}\n`);
}

await Promise.all(Array.from({ length: 8 }, appendInTurn));
await store.close();
