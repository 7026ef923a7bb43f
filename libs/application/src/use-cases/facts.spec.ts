import { MemoryEventStore } from '#event-store';
import { appConnectorStreamName, type AppConnectorEvent } from '#domain';
import { AggregateStates } from '../commands/aggregate-states.js';
import { nodeRuntime } from '../ports/node-runtime.js';
import { appConnectorsUsingGroup } from './facts.js';

const metadata = { actor: 'tester', correlationId: 'c', causationId: 'c', sourceIp: null, time: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };

async function connector(store: MemoryEventStore, environmentId: string, appConnectorId: string, userGroupId: string, ...later: ('archived' | `moved:${string}`)[]) {
  const ref = { environmentId, appConnectorId };
  const events: AppConnectorEvent[] = [
    { type: 'AppConnectorCreated', data: { ...ref, apiKey: '0'.repeat(32), description: 'x', userGroupId, userGroupCreatedWithConnector: false, blocked: true } },
    ...later.map((change): AppConnectorEvent =>
      change === 'archived' ? { type: 'AppConnectorArchived', data: ref } : { type: 'AppConnectorUserGroupAssigned', data: { ...ref, userGroupId: change.slice(6) } },
    ),
  ];
  await store.appendToStream(appConnectorStreamName(environmentId, appConnectorId), events.map((event) => ({ ...event, metadata })), { expectedRevision: 'any' });
}

describe('appConnectorsUsingGroup', () => {
  it("names the environment's live connectors whose group it is now, over more than one page of the log", async () => {
    const store = new MemoryEventStore();
    await connector(store, '12345', 'c1', 'g1');
    await connector(store, '12345', 'c2', 'g1', 'archived');
    await connector(store, '12345', 'c3', 'g1', 'moved:g2');
    await connector(store, '12345', 'c4', 'g2', 'moved:g1');
    await connector(store, '54321', 'c5', 'g1');
    for (let i = 0; i < 1_100; i += 1) await connector(store, '12345', `filler-${i}`, 'g3');
    await connector(store, '12345', 'c6', 'g1');
    const deps = { store, runtime: nodeRuntime, states: new AggregateStates(store) };
    expect((await appConnectorsUsingGroup(deps, '12345', 'g1')).sort()).toEqual(['c1', 'c4', 'c6']);
    expect(await appConnectorsUsingGroup(deps, '12345', 'nobody')).toEqual([]);
  });
});
