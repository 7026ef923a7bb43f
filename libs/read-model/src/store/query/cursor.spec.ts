import { InvalidQueryError } from '../read-store.errors.js';
import { decodeCursor, encodeCursor, orderingOf } from './cursor.js';

const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('decodeCursor', () => {
  const byTime = orderingOf({ orderBy: { field: 'createdAt', valueType: 'string' } });
  const byId = orderingOf({});
  const time = '2025-01-01T00:00:00.000Z';

  it('reads back the cursor encodeCursor wrote', () => {
    const cursor = encodeCursor(byTime, { _id: 'c1', createdAt: time } as never);
    expect(decodeCursor(byTime, cursor)).toEqual({ value: time, id: 'c1' });
    expect(decodeCursor(byId, encodeCursor(byId, { _id: 'c1' }))).toEqual({ value: null, id: 'c1' });
  });

  it('takes null for a document that lacked the field, and any scalar when no value type is declared', () => {
    expect(decodeCursor(byTime, cursorOf(['createdAt', 'asc', null, 'c1']))).toEqual({ value: null, id: 'c1' });
    const untyped = orderingOf({ orderBy: { field: 'rank' } });
    for (const value of [3, 'x', true]) expect(decodeCursor(untyped, cursorOf(['rank', 'asc', value, 'c1']))).toEqual({ value, id: 'c1' });
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['an object', cursorOf({ field: 'createdAt' })],
    ['three parts', cursorOf(['createdAt', 'asc', time])],
    ['five parts', cursorOf(['createdAt', 'asc', time, 'c1', 'x'])],
    ['a field that is no string', cursorOf([1, 'asc', time, 'c1'])],
    ['an unknown direction', cursorOf(['createdAt', 'up', time, 'c1'])],
    ['an object as the value (a MongoDB operator)', cursorOf(['createdAt', 'asc', { $gt: '' }, 'c1'])],
    ['an array as the value', cursorOf(['createdAt', 'asc', [time], 'c1'])],
    ['an object as the id', cursorOf(['createdAt', 'asc', time, { $ne: null }])],
    ['a number as the id', cursorOf(['createdAt', 'asc', time, 1])],
    ['another field', cursorOf(['_id', 'asc', null, 'c1'])],
    ['another direction', cursorOf(['createdAt', 'desc', time, 'c1'])],
    ['a number for a string field', cursorOf(['createdAt', 'asc', 42, 'c1'])],
    ['a boolean for a string field', cursorOf(['createdAt', 'asc', true, 'c1'])],
  ])('given %s, refuses it as an invalid query', (_, cursor) => {
    expect(() => decodeCursor(byTime, cursor)).toThrow(InvalidQueryError);
  });

  it('refuses an infinite number (JSON reads 1e999 as Infinity) even where numbers fit', () => {
    const untyped = orderingOf({ orderBy: { field: 'rank' } });
    expect(() => decodeCursor(untyped, Buffer.from('["rank","asc",1e999,"c1"]').toString('base64url'))).toThrow(InvalidQueryError);
  });

  it('refuses a value in a cursor of the _id ordering, which carries none', () => {
    expect(() => decodeCursor(byId, cursorOf(['_id', 'asc', 'x', 'c1']))).toThrow(InvalidQueryError);
  });
});
