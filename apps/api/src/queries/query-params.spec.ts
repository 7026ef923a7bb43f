import { ValidationFailedError } from '../http/problem.js';
import { booleanParam, minPositionOf, pageParams, queryParams, searchParam } from './query-params.js';

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('queryParams', () => {
  const schema = queryParams({ ...pageParams, blocked: booleanParam.optional(), q: searchParam.optional() });

  it('defaults the page size to 50 and converts the strings of a query string', () => {
    expect(schema.parse({})).toEqual({ limit: 50 });
    expect(schema.parse({ limit: '200', blocked: 'false', q: ' shop ', minPosition: '7' })).toEqual({
      limit: 200, blocked: false, q: 'shop', minPosition: 7,
    });
  });

  it.each([
    ['limit', { limit: '0' }],
    ['limit', { limit: '201' }],
    ['limit', { limit: '2.5' }],
    ['limit', { limit: '0x10' }],
    ['limit', { limit: '1e1' }],
    ['limit', { limit: ' 16' }],
    ['limit', { limit: '16.0' }],
    ['limit', { limit: '+16' }],
    ['minPosition', { minPosition: '0x10' }],
    ['limit', { limit: 'many' }],
    ['blocked', { blocked: 'yes' }],
    ['q', { q: '   ' }],
    ['minPosition', { minPosition: '-1' }],
    ['limit', { limit: ['10', '20'] }],
    ['colour', { colour: 'red' }],
  ])('refuses a bad %s', (field, input) => {
    expect(fieldsOf(schema.safeParse(input))).toEqual([field]);
  });

  it('reads decimal digits, leading zeros included', () => {
    expect(schema.parse({ limit: '016' })).toEqual({ limit: 16 });
  });

  it('passes on the parameters another layer handles, and only those', () => {
    const passing = queryParams({}, ['at', 'version']);
    expect(passing.safeParse({ at: '2025-01-01T00:00:00Z', version: '3' }).success).toBe(true);
    expect(fieldsOf(passing.safeParse({ at: 'x', when: 'y' }))).toEqual(['when']);
    expect(fieldsOf(queryParams({}).safeParse({ at: 'x' }))).toEqual(['at']);
  });
});

describe('minPositionOf', () => {
  it('reads the query parameter or the header, the larger when both are sent', () => {
    expect(minPositionOf({}, undefined)).toBeUndefined();
    expect(minPositionOf({ minPosition: '12' }, undefined)).toBe(12);
    expect(minPositionOf({}, '30')).toBe(30);
    expect(minPositionOf({ minPosition: '12' }, '30')).toBe(30);
    expect(minPositionOf({ minPosition: '40' }, '30')).toBe(40);
  });

  it.each([
    ['minPosition', { minPosition: 'soon' }, undefined],
    ['minPosition', { minPosition: ['1', '2'] }, undefined],
    ['X-Min-Position', {}, '1e3'],
    ['X-Min-Position', {}, ['1', '2']],
  ])('refuses a malformed %s with a field error', (field, query, header) => {
    const call = () => minPositionOf(query, header);
    expect(call).toThrow(ValidationFailedError);
    try {
      call();
    } catch (error) {
      expect((error as ValidationFailedError).errors.map((e) => e.field)).toEqual([field]);
    }
  });
});
