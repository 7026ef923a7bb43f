import { ValidationFailedError } from '../http/problem.js';
import { AsOfQuery, HistoryQuery, historyStart } from './audit.requests.js';

describe('audit query parameters', () => {
  it('reads limit and version in decimal digits only', () => {
    expect(HistoryQuery.parse({ limit: '20' })).toEqual({ limit: 20 });
    expect(AsOfQuery.parse({ version: '3' })).toEqual({ version: 3 });
    for (const text of ['0x10', '1e1', ' 16', '16.0', '+16']) {
      expect(HistoryQuery.safeParse({ limit: text }).error?.issues.map((issue) => issue.path)).toEqual([['limit']]);
      expect(AsOfQuery.safeParse({ version: text }).error?.issues.map((issue) => issue.path)).toEqual([['version']]);
    }
  });

  it('starts the history at 0, or at the revision a nextCursor names', () => {
    expect(historyStart(undefined)).toBe(0);
    expect(historyStart('12')).toBe(12);
  });

  it.each(['abc', '-1', '1e3', '0x10', ' 5', '5.0', ''])('refuses the history cursor %j as invalid_cursor', (cursor) => {
    expect(() => historyStart(cursor)).toThrow(ValidationFailedError);
    expect(() => historyStart(cursor)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
  });
});
