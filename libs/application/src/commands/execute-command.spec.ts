import { jest } from '@jest/globals';
import { MemoryEventStore, WrongExpectedRevisionError } from '#event-store';
import type { Decider } from '#domain';
import { nodeRuntime } from '../ports/node-runtime.js';
import { AggregateStates } from './aggregate-states.js';
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
const runtime = { ...nodeRuntime, now: () => now };
const newDeps = (store = new MemoryEventStore(), capacity?: number) => ({ store, runtime, states: new AggregateStates(store, capacity) });

describe('executeCommand', () => {
  it('appends decided events with metadata and answers version and position', async () => {
    const deps = newDeps();
    const { store } = deps;
    const first = await executeCommand(deps, 's-1', counter, count(2), context);
    const second = await executeCommand(deps, 's-1', counter, count(3), context);
    expect(first).toMatchObject({ state: 2, version: 1 });
    expect(second).toMatchObject({ state: 5, version: 2, position: second.position });
    const [event] = await store.readStream('s-1');
    expect(event?.metadata).toEqual({ ...context, time: now.toISOString(), schemaVersion: 1 });
  });

  it('appends nothing and answers the current version when the command changes nothing', async () => {
    const deps = newDeps();
    const { store } = deps;
    const written = await executeCommand(deps, 's-1', counter, count(2), context);
    const unchanged = await executeCommand(deps, 's-1', counter, count(0), context);
    expect(unchanged).toMatchObject({ state: 2, version: 1, position: written.position });
    expect(await store.headPosition()).toBe(written.position);
  });

  it('refuses a stale expected version before deciding', async () => {
    const deps = newDeps();
    const { store } = deps;
    await executeCommand(deps, 's-1', counter, count(1), context);
    await expect(executeCommand(deps, 's-1', counter, count(1), { ...context, expectedVersion: 0 })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await store.readStream('s-1')).length).toBe(1);
  });

  it('fails with WrongExpectedRevisionError when another writer appends between read and append', async () => {
    const deps = newDeps();
    const { store } = deps;
    await executeCommand(deps, 's-1', counter, count(1), context);
    const racing = executeCommand(
      deps,
      's-1',
      counter,
      async () => {
        await executeCommand(deps, 's-1', counter, count(10), context);
        return count(5);
      },
      context,
    );
    await expect(racing).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ by: 1 }, { by: 10 }]);
  });
});

describe('AggregateStates', () => {
  const readsOf = (store: MemoryEventStore) => jest.spyOn(store, 'readStream');

  it('reads only the events after the version it holds', async () => {
    const deps = newDeps();
    const reads = readsOf(deps.store);
    await executeCommand(deps, 's-1', counter, count(2), context);
    await executeCommand(deps, 's-1', counter, count(3), context);
    expect(reads.mock.calls.map(([stream, options]) => [stream, options?.fromRevision])).toEqual([['s-1', 0], ['s-1', 1]]);
    expect(await deps.states.load('s-1', counter)).toMatchObject({ state: 5, version: 2 });
  });

  it('folds what another writer appended since, so a state is never stale', async () => {
    const deps = newDeps();
    await executeCommand(deps, 's-1', counter, count(1), context);
    const other = newDeps(deps.store);
    await executeCommand(other, 's-1', counter, count(10), context);
    const outcome = await executeCommand(deps, 's-1', counter, count(100), context);
    expect(outcome).toMatchObject({ state: 111, version: 3 });
    expect((await deps.store.readStream('s-1')).map((e) => e.data)).toEqual([{ by: 1 }, { by: 10 }, { by: 100 }]);
  });

  it('forgets the least recently used stream beyond its capacity, and reads it whole again', async () => {
    const deps = newDeps(new MemoryEventStore(), 2);
    for (const stream of ['a', 'b', 'a', 'c']) await executeCommand(deps, stream, counter, count(1), context);
    const reads = readsOf(deps.store);
    for (const stream of ['c', 'a', 'b']) await deps.states.load(stream, counter);
    expect(reads.mock.calls.map(([stream, options]) => [stream, options?.fromRevision])).toEqual([['c', 1], ['a', 2], ['b', 0]]);
  });
});
