import { ValidationFailedError } from '../http/problem.js';
import { decodePageCursor, encodePageCursor } from './page-cursor.js';

describe('page cursors', () => {
  it('round-trips the store cursor of the same list and has no cursor after the last page', () => {
    const cursor = encodePageCursor('users', 'WyJjcmVhdGVkQXQiXQ')!;
    expect(decodePageCursor('users', cursor)).toBe('WyJjcmVhdGVkQXQiXQ');
    expect(encodePageCursor('users', null)).toBeNull();
    expect(decodePageCursor('users', undefined)).toBeNull();
  });

  it.each([
    ['a cursor of another list', encodePageCursor('user-groups', 'WyJjcmVhdGVkQXQiXQ')],
    ['a bare store cursor', 'WyJjcmVhdGVkQXQiXQ'],
    ['an empty cursor', ''],
    ['a cursor with foreign characters', 'users.WyJj/+=='],
  ])('refuses %s with a cursor error', (_, cursor) => {
    expect(() => decodePageCursor('users', cursor!)).toThrow(expect.objectContaining({ code: 'invalid_cursor', errors: [expect.objectContaining({ field: 'cursor' })] }));
    expect(() => decodePageCursor('users', cursor!)).toThrow(ValidationFailedError);
  });
});
