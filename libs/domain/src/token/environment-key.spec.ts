import { normaliseHexKey } from './environment-key.js';
import { hashSecret } from './secret-hash.js';

describe('normaliseHexKey', () => {
  it('accepts 32 hex in either case and returns it in lowercase', () => {
    expect(normaliseHexKey('0123456789abcdef0123456789ABCDEF')).toBe('0123456789abcdef0123456789abcdef');
    expect(normaliseHexKey(' 0123456789abcdef0123456789abcdef ')).toBe('0123456789abcdef0123456789abcdef');
  });

  it.each([undefined, null, '', '0123456789abcdef', `${'a'.repeat(32)}0`, 'g'.repeat(32)])('refuses %j', (text) => {
    expect(normaliseHexKey(text)).toBeNull();
  });
});

describe('hashSecret', () => {
  it('is sha-256 in lowercase hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
