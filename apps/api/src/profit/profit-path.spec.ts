import { formatProfitPath, parseProfitPath } from './profit-path.js';

describe('parseProfitPath', () => {
  it.each([
    ['/ProfitRestServices/connectors/Profit_Debtors', ['ProfitRestServices', 'connectors', 'Profit_Debtors']],
    ['/ProfitRestServices/MetaInfo/', ['ProfitRestServices', 'MetaInfo']],
    ['/12345/ProfitRestServices/connectors/KnSubject/KnSubject/@SbId/12', ['12345', 'ProfitRestServices', 'connectors', 'KnSubject', 'KnSubject', '@SbId', '12']],
    ['/ProfitRestServices/connectors/Profit%5FDebtors', ['ProfitRestServices', 'connectors', 'Profit_Debtors']],
    ['/ProfitRestServices/connectors/Caf%C3%A9%20Noir', ['ProfitRestServices', 'connectors', 'Café Noir']],
    ['/ProfitRestServices/connectors/a...b/x.y', ['ProfitRestServices', 'connectors', 'a...b', 'x.y']],
    ['/ProfitRestServices/connectors/...x', ['ProfitRestServices', 'connectors', '...x']],
  ])('reads %s', (raw, segments) => {
    expect(parseProfitPath(raw)).toEqual(segments);
  });

  it.each([
    ['a raw backslash', '/ProfitRestServices/connectors/Profit_Debtors/x\\..\\..\\NotGranted'],
    ['an encoded backslash', '/ProfitRestServices/connectors/Profit_Debtors/x%5C..%5CNotGranted'],
    ['an encoded slash', '/ProfitRestServices/connectors/Profit_Debtors%2F..%2FNotGranted'],
    ['a lower-case encoded slash', '/ProfitRestServices/connectors/a%2f..%2fb'],
    ['a dot-dot segment', '/ProfitRestServices/connectors/Profit_Debtors/../NotGranted'],
    ['a dot segment', '/ProfitRestServices/./connectors/NotGranted'],
    ['an encoded dot-dot', '/ProfitRestServices/connectors/Profit_Debtors/%2e%2e/NotGranted'],
    ['a half-encoded dot-dot', '/ProfitRestServices/connectors/Profit_Debtors/.%2E/NotGranted'],
    ['a double-encoded dot-dot', '/ProfitRestServices/connectors/Profit_Debtors/%252e%252e/NotGranted'],
    ['a double-encoded slash', '/ProfitRestServices/connectors/Profit_Debtors%252F..%252FNotGranted'],
    ['an overlong UTF-8 dot', '/ProfitRestServices/connectors/Profit_Debtors/%C0%AE%C0%AE/NotGranted'],
    ['an overlong UTF-8 slash', '/ProfitRestServices/connectors/Profit_Debtors%C0%AFNotGranted'],
    ['IIS %u encoding', '/ProfitRestServices/connectors/Profit_Debtors/%u002e%u002e/NotGranted'],
    ['a fullwidth full stop pair', '/ProfitRestServices/connectors/Profit_Debtors/%EF%BC%8E%EF%BC%8E/NotGranted'],
    ['a two-dot leader', '/ProfitRestServices/connectors/Profit_Debtors/%E2%80%A5/NotGranted'],
    ['a fullwidth solidus', '/ProfitRestServices/connectors/Profit_Debtors%EF%BC%8FNotGranted'],
    ['a fullwidth reverse solidus', '/ProfitRestServices/connectors/Profit_Debtors%EF%BC%BCNotGranted'],
    ['a path parameter after dot-dot', '/ProfitRestServices/connectors/Profit_Debtors/..;/NotGranted'],
    ['a segment that is empty before its path parameter', '/ProfitRestServices/connectors/;x=1/NotGranted'],
    ['dots with trailing spaces', '/ProfitRestServices/connectors/Profit_Debtors/..%20/NotGranted'],
    ['an empty segment', '/ProfitRestServices/connectors//NotGranted'],
    ['two trailing slashes', '/ProfitRestServices/MetaInfo//'],
    ['an encoded NUL', '/ProfitRestServices/connectors/Profit_Debtors%00/x'],
    ['an encoded newline', '/ProfitRestServices/connectors/Profit_Debtors%0d%0aX-Injected:%201'],
    ['an encoded DEL', '/ProfitRestServices/connectors/Profit_Debtors%7F'],
    ['a C1 control', '/ProfitRestServices/connectors/Profit_Debtors%C2%85'],
    ['a bidi override', '/ProfitRestServices/connectors/Profit_%E2%80%AEsrotbeD'],
    ['a zero-width space', '/ProfitRestServices/connectors/Profit_Debtors%E2%80%8B'],
    ['invalid UTF-8', '/ProfitRestServices/connectors/Profit_Debtors%FF'],
    ['a truncated UTF-8 sequence', '/ProfitRestServices/connectors/Profit_Debtors%C3'],
    ['a lone surrogate', '/ProfitRestServices/connectors/%ED%A0%80'],
    ['a truncated escape', '/ProfitRestServices/connectors/Profit_Debtors%2'],
    ['a non-hex escape', '/ProfitRestServices/connectors/Profit_Debtors%zz'],
    ['a raw non-ASCII character', '/ProfitRestServices/connectors/Caf\u00e9'],
    ['a raw fragment mark', '/ProfitRestServices/connectors/Profit_Debtors#x'],
    ['no leading slash', 'ProfitRestServices/MetaInfo'],
  ])('refuses %s with 400 in Profit shape', (_reason, raw) => {
    expect(() => parseProfitPath(raw)).toThrow(expect.objectContaining({ status: 400, code: 'path_not_canonical' }));
  });
});

describe('formatProfitPath', () => {
  it('keeps plain segments as they are and encodes the rest one way', () => {
    expect(formatProfitPath(['ProfitRestServices', 'connectors', 'KnSubject', '@SbId', '12'])).toBe('/ProfitRestServices/connectors/KnSubject/@SbId/12');
    expect(formatProfitPath(['ProfitRestServices', 'connectors', 'Café Noir', 'a;b', 'x?y#z'])).toBe(
      '/ProfitRestServices/connectors/Caf%C3%A9%20Noir/a%3Bb/x%3Fy%23z',
    );
  });

  it('gives back what parseProfitPath reads', () => {
    const segments = ['ProfitRestServices', 'connectors', 'Profit_Debtors', 'Straße 1', '@SbId', 'a+b=c'];
    expect(parseProfitPath(formatProfitPath(segments))).toEqual(segments);
  });
});
