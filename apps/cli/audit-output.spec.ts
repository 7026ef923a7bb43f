import type { RecordedEvent } from '#event-store';
import { formatTimeline, timelineRows } from './audit-output.js';

const recorded = (revision: number, type: string, data: Record<string, unknown>, actor = 'admin'): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: 'app-connector-12345-c-1',
  type,
  data: { environmentId: '12345', appConnectorId: 'c-1', ...data },
  metadata: { actor, correlationId: 'c', causationId: 'c', sourceIp: null, time: `2025-03-01T10:0${revision}:00.000Z`, schemaVersion: 1 },
  revision,
  position: 100 + revision,
});

const history = [
  recorded(0, 'AppConnectorCreated', { apiKey: 'k', description: 'Webshop', userGroupId: 'g-1', userGroupCreatedWithConnector: false, blocked: true }),
  recorded(1, 'TokenGenerated', { tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHash: 'b'.repeat(64), tokenHint: '…A1B2' }, 'ops-key'),
  recorded(2, 'TokenRevoked', { tokenId: 't-1', userId: '12345.jdoe' }),
];

describe('formatTimeline', () => {
  it('prints time, actor, version, type and summary in aligned columns', () => {
    expect(formatTimeline(timelineRows(history))).toEqual([
      '2025-03-01T10:00:00.000Z  admin    v1  AppConnectorCreated  created "Webshop" for user group g-1, blocked',
      '2025-03-01T10:01:00.000Z  ops-key  v2  TokenGenerated       token …A1B2 for 12345.jdoe (laptop) generated',
      '2025-03-01T10:02:00.000Z  admin    v3  TokenRevoked         token …A1B2 for 12345.jdoe (laptop) revoked',
    ]);
  });

  it('carries the sanitised event beside each line', () => {
    expect(timelineRows(history)[1]!.event.data).not.toHaveProperty('tokenHash');
  });
});
