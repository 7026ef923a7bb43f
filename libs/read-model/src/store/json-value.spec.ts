import { cloneJsonValue, toJsonValue } from './json-value.js';

const roundTrip = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};

describe('toJsonValue', () => {
  const inputs: Record<string, unknown> = {
    'a document': { _id: 'a', name: 'x', tags: ['b', 'a'], nested: { deep: [{ n: 1 }] }, lastPosition: 7 },
    'undefined, functions and symbols': { a: undefined, b: () => 1, c: Symbol('s'), list: [undefined, () => 1, Symbol('t'), 1] },
    'odd numbers': { nan: NaN, inf: -Infinity, negativeZero: -0, big: 1e300, list: [NaN, -0] },
    'toJSON, with its key': { at: new Date(Date.UTC(2025, 0, 2)), custom: { toJSON: (key: string) => `key:${key}` }, list: [{ toJSON: (key: string) => key }] },
    'boxed primitives': { n: Object(3), s: Object('s'), b: Object(false) },
    'key order with integer-like keys': { b: 1, 2: 'two', a: 2, 1: 'one' },
    'maps, sets and class instances': { map: new Map([[1, 2]]), set: new Set([1]), instance: new (class { x = 1; })() },
    'symbol and non-enumerable keys': Object.defineProperty({ [Symbol('k')]: 1, shown: 1 }, 'hidden', { value: 2, enumerable: false }),
    'a repeated (not circular) object': (() => { const shared = { s: 1 }; return { one: shared, two: shared }; })(),
    'an own __proto__ key': JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'),
    'a top-level array': [1, 'two', null, [true]],
    'a lone string': 'text',
    undefined: undefined,
  };

  it.each(Object.entries(inputs))('gives what a JSON round trip gives for %s', (_name, input) => {
    const value = toJsonValue(input);
    expect(value).toStrictEqual(roundTrip(input));
    expect(JSON.stringify(value)).toBe(JSON.stringify(input));
  });

  it('throws where JSON.stringify throws', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular['self'] = { back: circular };
    for (const input of [{ big: 10n }, circular, { bad: { toJSON: () => { throw new Error('toJSON failed'); } } }]) {
      expect(() => JSON.stringify(input)).toThrow();
      expect(() => toJsonValue(input)).toThrow();
    }
  });
});

describe('cloneJsonValue', () => {
  it('copies deeply', () => {
    const original = { list: [{ n: 1 }], name: 'x', none: null };
    const copy = cloneJsonValue(original);
    expect(copy).toStrictEqual(original);
    expect(copy.list).not.toBe(original.list);
    expect(copy.list[0]).not.toBe(original.list[0]);
  });

  it('keeps an own __proto__ key as a key', () => {
    const copy = cloneJsonValue(JSON.parse('{"__proto__": {"polluted": true}}') as { [key: string]: null });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true}}');
  });
});
