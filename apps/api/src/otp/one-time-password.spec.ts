import { drawOtp, OtpHasher } from './one-time-password.js';

const bytes = (...values: number[]) => ({ randomBytes: () => Uint8Array.from(values) });

describe('drawOtp', () => {
  it('gives eight digits, leading zeros kept', () => {
    expect(drawOtp(bytes(0, 0, 0, 42))).toBe('00000042');
    expect(drawOtp({ randomBytes: (size) => new Uint8Array(size).fill(0x3f) })).toMatch(/^\d{8}$/);
  });

  it('draws again for a value that would bias the low passwords', () => {
    const draws = [Uint8Array.from([0xff, 0xff, 0xff, 0xff]), Uint8Array.from([0, 0, 0, 7])];
    expect(drawOtp({ randomBytes: () => draws.shift()! })).toBe('00000007');
    expect(draws).toHaveLength(0);
  });
});

describe('OtpHasher', () => {
  const scope = { environmentId: '12345', appConnectorId: 'c-1', requestId: 'o-1' };

  it('is keyed: another secret gives another hash of the same password', () => {
    const hash = new OtpHasher(Buffer.alloc(32, 1)).hash(scope, '12345678');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new OtpHasher(Buffer.alloc(32, 2)).hash(scope, '12345678')).not.toBe(hash);
  });

  it('binds the password to its request', () => {
    const hasher = new OtpHasher(Buffer.alloc(32, 1));
    expect(hasher.hash({ ...scope, requestId: 'o-2' }, '12345678')).not.toBe(hasher.hash(scope, '12345678'));
  });
});
