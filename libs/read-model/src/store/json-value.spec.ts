import { adoptedJsonValue, cloneJsonValue, toJsonValue } from './json-value.js';

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
    'a dropped value after converted ones': { first: { at: new Date(0) }, n: -0, gone: undefined, last: [{ x: undefined }] },
    'a top-level array': [1, 'two', null, [true]],
    'a lone string': 'text',
    undefined: undefined,
  };

  it.each(Object.entries(inputs))('gives what a JSON round trip gives for %s', (_name, input) => {
    const value = toJsonValue(input);
    expect(value).toStrictEqual(roundTrip(input));
    expect(JSON.stringify(value)).toBe(JSON.stringify(input));
  });

  it('reads a getter once, as JSON.stringify does, also when a value is left out', () => {
    let reads = 0;
    const input = Object.defineProperty({ gone: undefined }, 'counted', { get: () => ++reads, enumerable: true });
    expect(toJsonValue(input)).toStrictEqual({ counted: 1 });
    expect(reads).toBe(1);
  });

  it('copies: the result shares no object with the input', () => {
    const input = { list: [{ n: 1 }], nested: { deep: { n: 2 } } };
    const value = toJsonValue(input) as typeof input;
    expect(value).not.toBe(input);
    expect(value.list).not.toBe(input.list);
    expect(value.list[0]).not.toBe(input.list[0]);
    expect(value.nested.deep).not.toBe(input.nested.deep);
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

describe('adoptedJsonValue', () => {
  const previous = { kept: ['k'], changed: { n: 1 }, alsoHere: ['a'] };

  it('is the next version itself when it holds scalars and parts kept of the previous one only', () => {
    const next = { ...previous, changed: previous.changed, scalar: 's', n: 1.5, flag: false, none: null };
    expect(adoptedJsonValue(next, previous)).toBe(next);
  });

  it('converts the next version in place: what it kept of the previous one stays, the rest is copied', () => {
    const changed = { n: 2 };
    const next = { ...previous, changed, moved: previous.alsoHere, n: -0 };
    const value = adoptedJsonValue(next, previous) as typeof next;
    expect(value).toBe(next);
    expect(value).toStrictEqual({ ...previous, changed: { n: 2 }, moved: ['a'], n: 0 });
    expect(value.kept).toBe(previous.kept);
    expect(value.alsoHere).toBe(previous.alsoHere);
    expect(value.moved).not.toBe(previous.alsoHere);
    expect(value.changed).not.toBe(changed);
  });

  it.each([
    ['a value JSON leaves out', { gone: undefined }],
    ['a symbol key', { [Symbol('k')]: 1 }],
    ['toJSON', { toJSON: () => 'text' }],
    ['a class instance', new (class { x = 1; })()],
  ])('gives what a JSON round trip gives for %s', (_name, next) => {
    expect(adoptedJsonValue(next, previous)).toStrictEqual(roundTrip(next));
  });

  it('throws on a cycle through the next version, as JSON.stringify does', () => {
    const next: Record<string, unknown> = { n: 1 };
    next['list'] = [{ back: next }];
    expect(() => adoptedJsonValue(next, previous)).toThrow(/circular/);
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
