import { documentsOf, recordedHistory } from './testing/recorded-history.js';
import { auditEventsReadModel } from './audit-events.read-model.js';

describe('audit_events read model', () => {
  it('given a history, keeps one entry per event under its position, each from that event alone', async () => {
    const history = await recordedHistory();
    const entries = documentsOf(auditEventsReadModel, history);
    expect([...entries.keys()]).toEqual(history.map((event) => String(event.position)));
    const handled = history.find((event) => event.type === 'MessageHandled')!;
    expect(entries.get(String(handled.position))).toEqual({
      position: handled.position,
      eventId: handled.id,
      streamId: handled.streamId,
      type: 'MessageHandled',
      time: handled.metadata.time,
      actor: 'alice',
      sourceIp: '127.0.0.1',
      correlationId: 'c',
      causationId: 'c',
      environmentId: '12345',
      summary: 'message m1 of workflow w1 handled',
    });
  });

  it('writes an entry without reading one: an event never changes another entry', () => {
    expect(auditEventsReadModel.appendOnly).toBe(true);
  });
});
