import { hashSecret } from './secret-hash.js';

describe('hashSecret', () => {
  it('is sha-256 in lowercase hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
