import { ScopedMap } from './scoped-map.js';

describe('ScopedMap', () => {
  it('keeps values apart by scope and id', () => {
    const map = new ScopedMap<number>();
    map.set('12345', 'a', 1);
    map.set('12345', 'b', 2);
    map.set('99999', 'a', 3);
    expect([map.get('12345', 'a'), map.get('12345', 'b'), map.get('99999', 'a'), map.get('99999', 'b'), map.get('0', 'a')]).toEqual([1, 2, 3, undefined, undefined]);
  });

  it('does not confuse scope and id that would join to the same text', () => {
    const map = new ScopedMap<string>();
    map.set('1', '23', 'first');
    map.set('12', '3', 'second');
    expect([map.get('1', '23'), map.get('12', '3')]).toEqual(['first', 'second']);
  });

  it('forgets a deleted value and keeps the rest of its scope', () => {
    const map = new ScopedMap<number>();
    map.set('12345', 'a', 1);
    map.set('12345', 'b', 2);
    map.delete('12345', 'a');
    map.delete('99999', 'a');
    expect([map.get('12345', 'a'), map.get('12345', 'b')]).toEqual([undefined, 2]);
  });
});
