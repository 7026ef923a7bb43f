import { sanitizeEventData } from './sanitize-event-data.js';

const HASH = 'b'.repeat(64);

describe('sanitizeEventData', () => {
  it('removes the token hash of TokenGenerated and keeps what an auditor needs', () => {
    const data = { environmentId: '12345', appConnectorId: 'c-1', tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHash: HASH, tokenHint: '…A1B2' };
    expect(sanitizeEventData(data)).toEqual({ environmentId: '12345', appConnectorId: 'c-1', tokenId: 't-1', userId: '12345.jdoe', description: 'laptop', tokenHint: '…A1B2' });
  });

  it.each(['environmentKeyHash', 'secret', 'clientSecret', 'password', 'privateKey', 'credentials', 'token', 'TOKEN_HASH'])(
    'removes a key named %s',
    (key) => {
      expect(sanitizeEventData({ keep: 'x', [key]: 'value' })).toEqual({ keep: 'x' });
    },
  );

  it('removes hash-shaped values and token text under innocent keys, at any depth', () => {
    const data = {
      digest: HASH.toUpperCase(),
      nested: { value: '<token><version>1</version><data>AB</data></token>', kept: 1, deeper: { passwordHash: 'x' } },
      list: ['a', HASH, { tokenHash: HASH, name: 'n' }],
    };
    expect(sanitizeEventData(data)).toEqual({ nested: { kept: 1, deeper: {} }, list: ['a', { name: 'n' }] });
  });

  it('keeps ids, hints, api keys (32 hex, public) and non-string values', () => {
    const data = { tokenId: 't-1', tokenHint: '…A1B2', apiKey: '0123456789abcdef0123456789abcdef', blocked: true, names: ['Profit_Debtors'], none: null };
    expect(sanitizeEventData(data)).toEqual(data);
  });

  it('does not change its input', () => {
    const data = { tokenHash: HASH, nested: { secret: 's' } };
    sanitizeEventData(data);
    expect(data).toEqual({ tokenHash: HASH, nested: { secret: 's' } });
  });
});
