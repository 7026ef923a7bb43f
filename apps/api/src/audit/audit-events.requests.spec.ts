import { AuditEventsQuery, AuditExportQuery, auditFilterOf } from './audit-events.requests.js';

describe('audit log query parameters', () => {
  it('reads types repeated, comma-separated or both, once each', () => {
    expect(AuditEventsQuery.parse({ type: 'TokenGenerated' }).type).toEqual(['TokenGenerated']);
    expect(AuditEventsQuery.parse({ type: ['TokenGenerated', 'TokenRevoked,TokenGenerated'] }).type).toEqual(['TokenGenerated', 'TokenRevoked']);
    for (const type of ['', ',', 'Token Generated', Array.from({ length: 51 }, (_, n) => `T${n}`).join(',')]) {
      expect(AuditEventsQuery.safeParse({ type }).success).toBe(false);
    }
  });

  it('defaults the page to 100 and allows up to 1000', () => {
    expect(AuditEventsQuery.parse({}).limit).toBe(100);
    expect(AuditEventsQuery.parse({ limit: '1000' }).limit).toBe(1000);
    expect(AuditEventsQuery.safeParse({ limit: '1001' }).success).toBe(false);
  });

  it('refuses from after to, and takes from equal to to (an empty window)', () => {
    expect(AuditExportQuery.safeParse({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }).error?.issues.map((issue) => issue.path)).toEqual([['from']]);
    expect(AuditExportQuery.safeParse({ from: '2026-01-01T01:00:00+01:00', to: '2026-01-01T00:00:00Z' }).success).toBe(true);
  });

  it('turns the parameters into a filter of instants', () => {
    const query = AuditExportQuery.parse({ environmentId: '12345', actor: 'admin', type: 'A,B', from: '2026-01-01T01:00:00+01:00' });
    expect(auditFilterOf(query)).toEqual({ environmentId: '12345', actor: 'admin', types: ['A', 'B'], from: new Date('2026-01-01T00:00:00Z'), to: undefined });
  });
});
