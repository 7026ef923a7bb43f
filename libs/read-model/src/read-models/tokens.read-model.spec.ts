import type { RecordedEvent } from '#event-store';
import { tokensReadModel } from './tokens.read-model.js';

const ref = { environmentId: '12345', appConnectorId: 'c1' };
const recorded = (type: string, data: object, time: string) =>
  ({ type, data: { ...ref, ...data }, metadata: { time, actor: 'admin' } }) as unknown as RecordedEvent;
const generated = recorded(
  'TokenGenerated',
  { tokenId: 't1', userId: '12345.jdoe', description: 'laptop', tokenHash: 'a'.repeat(64), tokenHint: '…1234', expiresAt: '2026-06-01T00:00:00.000Z' },
  '2026-03-01T10:00:00.000Z',
);

describe('tokens read model', () => {
  it("shows a token's expiry, null for one stored before tokens could expire", () => {
    expect(tokensReadModel.evolve(null, generated)).toMatchObject({ tokenId: 't1', status: 'live', expiresAt: '2026-06-01T00:00:00.000Z', rotatedTo: null });
    const { expiresAt: _, ...old } = (generated as unknown as { data: Record<string, unknown> }).data;
    expect(tokensReadModel.evolve(null, { ...generated, data: old } as RecordedEvent)).toMatchObject({ expiresAt: null });
  });

  it('shows a rotated token live until the overlap ends, naming its successor, under the old hash', () => {
    const rotation = recorded('TokenRotated', { tokenId: 't1', userId: '12345.jdoe', tokenHash: 'a'.repeat(64), newTokenId: 't2', expiresAt: '2026-03-01T11:00:00.000Z' }, '2026-03-01T10:00:00.000Z');
    expect(tokensReadModel.documentId(rotation)).toBe('a'.repeat(64));
    expect(tokensReadModel.evolve(tokensReadModel.evolve(null, generated), rotation)).toMatchObject({
      tokenId: 't1', status: 'live', expiresAt: '2026-03-01T11:00:00.000Z', rotatedTo: 't2',
    });
  });
});
