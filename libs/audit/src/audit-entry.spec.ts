import { auditEntryOf, matchesAuditFilter } from './audit-entry.js';
import { AUDITED_EVENT_TYPES, summarizeEvent } from './event-summary.js';
import { everyRecordedEvent, SECRETS } from './every-event.fixtures.js';

const events = everyRecordedEvent();

describe('auditEntryOf', () => {
  it('has a fixture for every audited event type', () => {
    expect(new Set(events.map((event) => event.type))).toEqual(AUDITED_EVENT_TYPES);
  });

  it.each(events.map((event) => [event.type, event] as const))('summarises %s without a secret', (_, event) => {
    const entry = auditEntryOf(event);
    expect(entry.summary).not.toContain('no summary');
    for (const secret of Object.values(SECRETS)) expect(JSON.stringify(entry)).not.toContain(secret);
    expect(Object.keys(entry).sort()).toEqual(
      ['actor', 'causationId', 'correlationId', 'environmentId', 'eventId', 'position', 'sourceIp', 'streamId', 'summary', 'time', 'type'],
    );
  });

  it('flattens the metadata and names the environment', () => {
    const event = events.find((candidate) => candidate.type === 'TokenGenerated')!;
    expect(auditEntryOf(event)).toEqual({
      position: event.position,
      eventId: event.id,
      streamId: event.streamId,
      type: 'TokenGenerated',
      time: event.metadata.time,
      actor: 'admin',
      sourceIp: '203.0.113.7',
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      environmentId: '12345',
      summary: 'app connector c-1: token …A1B2 for 12345.jdoe (laptop) generated',
    });
  });

  it('gives null for a missing causation id, source address or environment', () => {
    const [event] = events;
    const bare = { ...event!, data: {}, metadata: { ...event!.metadata, causationId: '', sourceIp: null } };
    expect(auditEntryOf(bare)).toMatchObject({ causationId: null, sourceIp: null, environmentId: null });
  });
});

describe('summarizeEvent', () => {
  it.each([
    ['UserDeactivated', 'user 12345.jdoe deactivated'],
    ['EnvironmentKeyRotated', 'environment key of 12345 rotated'],
    ['IpRestrictionRemoved', 'app connector c-1: IP restriction 10.0.0.0/8 removed'],
    ['MessageReceived', 'message m-1 (btw-aangifte, reference "Q1") received from app connector c-1 for workflow w-1'],
  ])('summarises %s', (type, summary) => {
    expect(summarizeEvent(events.find((event) => event.type === type)!)).toBe(summary);
  });

  it('names event types it does not know instead of failing', () => {
    expect(summarizeEvent({ type: 'SomethingInFuture', data: {} })).toBe('SomethingInFuture (no summary for this event type)');
  });

  it('says so instead of failing when the data does not have the shape of its type', () => {
    expect(summarizeEvent({ type: 'GetConnectorsGranted', data: { names: 5 } })).toBe('GetConnectorsGranted (its data does not have the shape of this event type)');
  });
});

describe('matchesAuditFilter', () => {
  const entry = auditEntryOf(events.find((event) => event.type === 'UserDeactivated')!);
  const at = new Date(entry.time);

  it.each([
    [{}, true],
    [{ environmentId: '12345', actor: 'admin', types: ['UserDeactivated', 'UserReactivated'] }, true],
    [{ environmentId: '67890' }, false],
    [{ actor: 'bob' }, false],
    [{ types: ['UserReactivated'] }, false],
    [{ from: at, to: new Date(at.getTime() + 1) }, true],
    [{ to: at }, false],
    [{ from: new Date(at.getTime() + 1) }, false],
  ])('given %j, matches: %s', (filter, matches) => {
    expect(matchesAuditFilter(entry, filter)).toBe(matches);
  });
});
