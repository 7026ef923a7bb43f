import { MemoryEventStore } from '#event-store';
import type { Decider } from '#domain';
import type { Runtime } from '../ports/runtime.port.js';
import { AggregateStates } from './aggregate-states.js';
import { executeCommand } from './execute-command.js';
import { type Draw, IdempotentExecution } from './idempotent-execution.js';

type Counted = { type: 'Counted'; data: { by: number; id: string } };
type Count = { type: 'Count'; data: { by: number; id: string } };
const counter: Decider<number, Count, Counted> = {
  initialState: () => 0,
  decide: (command) => [{ type: 'Counted', data: command.data }],
  evolve: (state, event) => state + event.data.by,
};

/** A runtime whose every draw is new: ids <prefix>-1, <prefix>-2, …, bytes of the draw's number, a later time each time. */
function countingRuntime(prefix = 'id'): Runtime {
  let n = 0;
  return {
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, (n += 1))),
    newId: () => `${prefix}-${(n += 1)}`,
    randomBytes: (size) => new Uint8Array(size).fill((n += 1)),
  };
}

const sealer = { seal: (draws: readonly Draw[]) => Buffer.from(JSON.stringify(draws)) };
const unsealed = (sealed: Uint8Array) => JSON.parse(Buffer.from(sealed).toString()) as Draw[];
const context = { actor: 'tester', correlationId: 'c-1', causationId: 'r-1', sourceIp: null };
const expiresAt = Date.now() + 3_600_000;

/** A use case drawing an id and bytes, then counting in two streams. */
async function run(store: MemoryEventStore, execution: IdempotentExecution) {
  const deps = { store, runtime: countingRuntime(), states: new AggregateStates(store) };
  const runContext = { ...context, idempotency: execution };
  const id = execution.runtime.newId();
  const bytes = Buffer.from(execution.runtime.randomBytes(2)).toString('hex');
  const first = await executeCommand(deps, 'a', counter, { type: 'Count', data: { by: 1, id } }, runContext);
  const later = execution.runtime.newId();
  const second = await executeCommand(deps, 'b', counter, { type: 'Count', data: { by: 2, id: `${bytes}-${later}` } }, runContext);
  return { id, bytes, later, first, second };
}

describe('IdempotentExecution', () => {
  it('marks each append with what the run had drawn by then', async () => {
    const store = new MemoryEventStore();
    const execution = new IdempotentExecution('request-1', { appends: [], draws: [] }, countingRuntime(), sealer, expiresAt);
    await run(store, execution);
    const marked = await store.markedAppends('request-1', Date.now());
    expect(marked.map((m) => [m.sequence, m.streamId, m.lastRevision])).toEqual([[0, 'a', 0], [1, 'b', 0]]);
    expect(unsealed(marked[0]!.sealed)).toEqual([{ kind: 'id', value: 'id-1' }, { kind: 'bytes', value: '0202' }, { kind: 'time', value: '2026-01-01T00:00:03.000Z' }]);
    expect(unsealed(marked[1]!.sealed).map((draw) => draw.kind)).toEqual(['id', 'bytes', 'time', 'id', 'time']);
  });

  it('continues a run that died after its first append: same draws, that append taken as done, the rest appended once', async () => {
    const store = new MemoryEventStore();
    const firstRun = new IdempotentExecution('request-1', { appends: [], draws: [] }, countingRuntime(), sealer, expiresAt);
    const deps = { store, runtime: countingRuntime(), states: new AggregateStates(store) };
    const id = firstRun.runtime.newId();
    firstRun.runtime.randomBytes(2);
    await executeCommand(deps, 'a', counter, { type: 'Count', data: { by: 1, id } }, { ...context, idempotency: firstRun });
    // Another command changes stream a after the first run died: the retry answers as of its own append.
    await executeCommand(deps, 'a', counter, { type: 'Count', data: { by: 100, id: 'other' } }, context);

    const marked = await store.markedAppends('request-1', Date.now());
    const retry = new IdempotentExecution('request-1', { appends: marked, draws: unsealed(marked.at(-1)!.sealed) }, countingRuntime('retry'), sealer, expiresAt);
    const outcome = await run(store, retry);

    expect(outcome.id).toBe(id);
    expect(outcome.bytes).toBe('0202');
    // The first run died before it drew this one: drawn now.
    expect(outcome.later).toBe('retry-1');
    expect(outcome.first).toEqual({ state: 1, version: 1, position: marked[0]!.position });
    expect(outcome.second).toMatchObject({ state: 2, version: 1 });
    expect((await store.readAll()).map((e) => [e.streamId, e.data])).toEqual([
      ['a', { by: 1, id }],
      ['a', { by: 100, id: 'other' }],
      ['b', { by: 2, id: '0202-retry-1' }],
    ]);
    expect((await store.markedAppends('request-1', Date.now())).map((m) => m.sequence)).toEqual([0, 1]);
  });

  it('gives the events of a marked append ids that a replay of the same run gives again, and others elsewhere', async () => {
    const idsOf = async (store: MemoryEventStore) => (await store.readAll()).map((event) => event.id);
    const runOnce = async (requestId: string) => {
      const store = new MemoryEventStore();
      await run(store, new IdempotentExecution(requestId, { appends: [], draws: [] }, countingRuntime(), sealer, expiresAt));
      return idsOf(store);
    };
    const first = await runOnce('request-1');
    expect(first).toHaveLength(2);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(first).size).toBe(2);
    expect(await runOnce('request-1')).toEqual(first);
    const other = await runOnce('request-2');
    expect(other.filter((id) => first.includes(id))).toEqual([]);

    const unmarked = new MemoryEventStore();
    const deps = { store: unmarked, runtime: countingRuntime(), states: new AggregateStates(unmarked) };
    await executeCommand(deps, 'a', counter, { type: 'Count', data: { by: 1, id: 'x' } }, context);
    expect((await idsOf(unmarked)).filter((id) => first.includes(id))).toEqual([]);
  });

  it('refuses to continue a run that goes another way than the first', async () => {
    const marked = [{ sequence: 0, streamId: 'a', lastRevision: 0, position: 1, sealed: new Uint8Array() }];
    const retry = new IdempotentExecution('request-1', { appends: marked, draws: [{ kind: 'id', value: 'id-1' }] }, countingRuntime(), sealer, expiresAt);
    expect(() => retry.runtime.randomBytes(2)).toThrow('the retried request drew bytes where its first run drew id');
    expect(() => retry.takeDone('b')).toThrow('the retried request appends to b where its first run appended to a');
  });
});
