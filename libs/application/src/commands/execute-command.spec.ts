import { MemoryEventStore, WrongExpectedRevisionError } from '#event-store';
import type { Decider } from '#domain';
import { executeCommand } from './execute-command.js';
import { PreconditionFailedError } from './precondition-failed.error.js';

type Counted = { type: 'Counted'; data: { by: number } };
type Count = { type: 'Count'; data: { by: number } };
const counter: Decider<number, Count, Counted> = {
  initialState: () => 0,
  decide: (command) => (command.data.by === 0 ? [] : [{ type: 'Counted', data: { by: command.data.by } }]),
  evolve: (state, event) => state + event.data.by,
};

const context = { actor: 'tester', correlationId: 'c-1', causationId: 'r-1', sourceIp: '127.0.0.1' };
const now = new Date('2026-11-21T10:00:00.000Z');
const count = (by: number): Count => ({ type: 'Count', data: { by } });

describe('executeCommand', () => {
  it('appends decided events with metadata and answers version and position', async () => {
    const store = new MemoryEventStore();
    const first = await executeCommand(store, 's-1', counter, count(2), context, now);
    const second = await executeCommand(store, 's-1', counter, count(3), context, now);
    expect(first).toMatchObject({ state: 2, version: 1 });
    expect(second).toMatchObject({ state: 5, version: 2, position: second.position });
    const [event] = await store.readStream('s-1');
    expect(event?.metadata).toEqual({ ...context, time: now.toISOString(), schemaVersion: 1 });
  });

  it('appends nothing and answers the current version when the command changes nothing', async () => {
    const store = new MemoryEventStore();
    const written = await executeCommand(store, 's-1', counter, count(2), context, now);
    const unchanged = await executeCommand(store, 's-1', counter, count(0), context, now);
    expect(unchanged).toMatchObject({ state: 2, version: 1, position: written.position, appended: [] });
    expect(await store.headPosition()).toBe(written.position);
  });

  it('refuses a stale expected version before deciding', async () => {
    const store = new MemoryEventStore();
    await executeCommand(store, 's-1', counter, count(1), context, now);
    await expect(executeCommand(store, 's-1', counter, count(1), { ...context, expectedVersion: 0 }, now)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await store.readStream('s-1')).length).toBe(1);
  });

  it('fails with WrongExpectedRevisionError when another writer appends between read and append', async () => {
    const store = new MemoryEventStore();
    await executeCommand(store, 's-1', counter, count(1), context, now);
    const racing = executeCommand(
      store,
      's-1',
      counter,
      async () => {
        await executeCommand(store, 's-1', counter, count(10), context, now);
        return count(5);
      },
      context,
      now,
    );
    await expect(racing).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ by: 1 }, { by: 10 }]);
  });
});
