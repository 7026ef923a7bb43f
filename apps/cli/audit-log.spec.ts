import { PassThrough } from 'node:stream';
import { MemoryEventStore } from '#event-store';
import { formatAuditEntry, writeAuditLog } from './audit-log.js';

const metadata = (actor: string, minute: number) => ({ actor, correlationId: 'c', causationId: 'c', sourceIp: '127.0.0.1', time: `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`, schemaVersion: 1 });

async function storeWith(count: number) {
  const store = new MemoryEventStore();
  for (let index = 0; index < count; index++) {
    const userId = `12345.u${index}`;
    const data = { environmentId: index % 2 === 0 ? '12345' : '67890', userId, email: null, name: `U${index}`, kind: 'person' };
    await store.appendToStream(`user-${userId}`, [{ type: 'UserRegistered', data, metadata: metadata(index % 3 === 0 ? 'bob' : 'admin', index % 60) }], { expectedRevision: 'no_stream' });
  }
  return store;
}

describe('writeAuditLog', () => {
  it('writes the selected entries in event-store order across pages of the event log', async () => {
    const store = await storeWith(2500);
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += String(chunk)));
    await writeAuditLog(store, { environmentId: '12345', actor: 'bob' }, (entry) => String(entry.position), output);
    const expected = (await store.readAll()).filter((event) => event.data['environmentId'] === '12345' && event.metadata.actor === 'bob').map((event) => String(event.position));
    expect(text.trimEnd().split('\n')).toEqual(expected);
  });

  it('waits for a full output to drain before it reads further', async () => {
    const store = await storeWith(2500);
    const reads: number[] = [];
    const counting = { readAll: async (options?: { after?: number }) => (reads.push(options?.after ?? 0), store.readAll(options)) };
    const output = new PassThrough({ highWaterMark: 16 });
    const written = writeAuditLog(counting, {}, formatAuditEntry, output);
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(1);
    output.resume();
    await written;
    expect(reads).toHaveLength(4);
  });

  it('formats a line as position, time, actor, environment, type and summary', async () => {
    const [event] = await (await storeWith(1)).readAll();
    expect(formatAuditEntry({ position: 7, eventId: 'e', streamId: 's', type: 'UserRegistered', time: event!.metadata.time, actor: 'bob', sourceIp: null, correlationId: 'c', causationId: null, environmentId: null, summary: 'x' })).toBe(
      `7  ${event!.metadata.time}  bob  -  UserRegistered  x`,
    );
  });
});
