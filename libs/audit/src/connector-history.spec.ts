import { MemoryEventStore, type RecordedEvent } from '#event-store';
import { appendChanges, created, granted, ref, restricted, STREAM, TOKEN_HASH, tokenGenerated, unblocked } from './audit.fixtures.js';
import { connectorAsOf, ConnectorHistory, statesBefore, toAuditEvent } from './connector-history.js';

const ALL = [created, granted, restricted, tokenGenerated, unblocked];

async function storeWith(changes = ALL) {
  const store = new MemoryEventStore();
  await appendChanges(store, changes);
  return { store, history: await store.readStream(STREAM) };
}

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('toAuditEvent', () => {
  it('flattens metadata, numbers versions from 1 and leaves the token hash out', async () => {
    const { history } = await storeWith();
    const event = toAuditEvent(history[3]!);
    expect(event).toEqual({
      version: 4,
      position: history[3]!.position,
      time: '2025-03-01T10:03:00.000Z',
      actor: 'admin',
      correlationId: 'corr-2025-03-01T10:03:00.000Z',
      causationId: 'cause-2025-03-01T10:03:00.000Z',
      sourceIp: '127.0.0.1',
      type: 'TokenGenerated',
      data: { ...ref, tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHint: '…A1B2' },
    });
    expect(JSON.stringify(event)).not.toContain(TOKEN_HASH);
  });
});

describe('connectorAsOf', () => {
  let history: RecordedEvent[];
  beforeAll(async () => {
    ({ history } = await storeWith());
  });

  it('given version 3, replays the first three events', () => {
    const view = connectorAsOf(ref, history, { version: 3 });
    expect(view).toMatchObject({ id: 'c-1', version: 3, position: history[2]!.position, blocked: true, getConnectors: ['Profit_Debtors'], tokens: [] });
    expect(view.ipRestrictions).toEqual([{ id: 'r-1', access: 'allow', cidr: '10.0.0.0/8', family: 'ipv4' }]);
    expect(view).toMatchObject({ changedAt: '2025-03-01T10:02:00.000Z', changedBy: 'admin' });
  });

  it('given a time between two changes, shows the state after the earlier one', () => {
    const view = connectorAsOf(ref, history, { at: new Date('2025-03-01T10:03:30Z') });
    expect(view).toMatchObject({ version: 4, blocked: true, tokens: [{ id: 't-1', hint: '…A1B2', revoked: false }] });
    expect(JSON.stringify(view)).not.toContain(TOKEN_HASH);
  });

  it('given exactly the time of a change, includes it', () => {
    expect(connectorAsOf(ref, history, { at: new Date('2025-03-01T10:04:00Z') })).toMatchObject({ version: 5, blocked: false });
  });

  it('given a time after the last change, shows the current state', () => {
    expect(connectorAsOf(ref, history, { at: new Date('2030-01-01T00:00:00Z') }).version).toBe(5);
  });

  it('stops at the first event after the time even when a later one carries an earlier clock', () => {
    const skewed = history.map((event, index) => (index === 3 ? { ...event, metadata: { ...event.metadata, time: '2025-03-01T10:00:30.000Z' } } : event));
    expect(connectorAsOf(ref, skewed, { at: new Date('2025-03-01T10:01:00Z') }).version).toBe(2);
  });

  it.each([
    ['a time before creation', { at: new Date('2025-03-01T09:59:59Z') }, 'app_connector_not_yet_created'],
    ['a version beyond the stream', { version: 6 }, 'version_not_found'],
  ])('refuses %s with a not-found reason', (_, asOf, code) => {
    expect(codeOf(() => connectorAsOf(ref, history, asOf))).toBe(code);
  });

  it('refuses an empty history as an unknown connector', () => {
    expect(codeOf(() => connectorAsOf(ref, [], { version: 1 }))).toBe('app_connector_not_found');
  });
});

describe('statesBefore', () => {
  it('gives null before creation, then each state before the next event', async () => {
    const { history } = await storeWith([created, granted, unblocked]);
    const states = statesBefore(history);
    expect(states[0]).toBeNull();
    expect(states[1]).toMatchObject({ getConnectors: [] });
    expect(states[2]).toMatchObject({ getConnectors: ['Profit_Debtors'], blocked: true });
  });
});

describe('ConnectorHistory.page', () => {
  it('pages by revision without gaps or duplicates', async () => {
    const { store } = await storeWith();
    const reader = new ConnectorHistory(store);
    const first = await reader.page(ref, { cursor: 0, limit: 2 });
    const second = await reader.page(ref, { cursor: Number(first.nextCursor), limit: 2 });
    const third = await reader.page(ref, { cursor: Number(second.nextCursor), limit: 2 });
    expect([first.nextCursor, second.nextCursor, third.nextCursor]).toEqual(['2', '4', null]);
    expect([...first.items, ...second.items, ...third.items].map((event) => event.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    const { store } = await storeWith([created, granted]);
    expect(await new ConnectorHistory(store).page(ref, { cursor: 0, limit: 2 })).toMatchObject({ nextCursor: null });
  });

  it('answers an empty page past the end of an existing stream, and not-found for an unknown one', async () => {
    const { store } = await storeWith([created]);
    const reader = new ConnectorHistory(store);
    expect(await reader.page(ref, { cursor: 9, limit: 2 })).toEqual({ items: [], nextCursor: null });
    await expect(reader.page({ ...ref, appConnectorId: 'c-2' }, { cursor: 0, limit: 2 })).rejects.toMatchObject({ code: 'app_connector_not_found' });
    await expect(reader.page({ ...ref, appConnectorId: 'c-2' }, { cursor: 3, limit: 2 })).rejects.toMatchObject({ code: 'app_connector_not_found' });
  });
});
