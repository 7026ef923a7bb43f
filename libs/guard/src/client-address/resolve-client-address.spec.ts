import { resolveClientAddress } from './resolve-client-address.js';
import { TrustedProxies } from './trusted-proxies.js';

const trusted = new TrustedProxies(['10.0.0.0/8', '2001:db8:ffff::/48', '127.0.0.1']);
const resolve = (peer: string, forwardedFor?: string | string[], proxies = trusted) =>
  resolveClientAddress({ peer, forwardedFor }, proxies)?.address ?? null;

describe('resolveClientAddress', () => {
  it.each([
    ['a forged header from an untrusted peer', '198.51.100.1', trusted],
    ['the header when no proxy is trusted', '10.0.0.1', TrustedProxies.NONE],
  ])('ignores %s', (_, peer, proxies) => {
    expect(resolve(peer, '203.0.113.7', proxies)).toBe(peer);
  });

  it.each([
    ['one hop', '203.0.113.7', '203.0.113.7'],
    ['the closest untrusted hop, not the leftmost', '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['past trusted hops', '203.0.113.7, 10.1.1.1, 10.2.2.2', '203.0.113.7'],
    ['a forged entry hidden behind a trusted hop', '203.0.113.7, 6.6.6.6, 10.1.1.1', '6.6.6.6'],
    ['the farthest hop when all are trusted', '10.3.3.3, 10.1.1.1', '10.3.3.3'],
    ['the peer when the header is empty', '', '10.0.0.1'],
    ['IPv4-mapped hops as IPv4', '::ffff:203.0.113.7', '203.0.113.7'],
    ['IPv4-compatible hops as the IPv6 addresses they are', '::203.0.113.7', '::cb00:7107'],
    ['IPv6 hops, compressed', '2001:DB8:0:0::7', '2001:db8::7'],
    ['IPv6 hops behind trusted IPv6 proxies', '2001:db8::7, 2001:db8:ffff::1', '2001:db8::7'],
    ['hops with ports', '[2001:db8::7]:443, 203.0.113.7:5123', '203.0.113.7'],
  ])('behind a trusted proxy, takes %s', (_, header, expected) => {
    expect(resolve('10.0.0.1', header, trusted)).toBe(expected);
  });

  it('reads several header lines as one list, in order', () => {
    expect(resolve('10.0.0.1', ['203.0.113.7', '6.6.6.6, 10.1.1.1'])).toBe('6.6.6.6');
  });

  it('treats a mapped peer as the IPv4 proxy it is', () => {
    expect(resolve('::ffff:127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('knows no client when the hop it reaches is unreadable', () => {
    expect(resolve('10.0.0.1', 'unknown, 10.1.1.1')).toBeNull();
    expect(resolve('10.0.0.1', '203.0.113.7, 10.1.1.1, garbage')).toBeNull();
  });

  it('does not let an IPv6 trusted range trust IPv4 peers', () => {
    expect(resolve('192.0.2.1', '203.0.113.7', new TrustedProxies(['::/0']))).toBe('192.0.2.1');
  });

  it('refuses an invalid trusted proxy line at startup', () => {
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow(/prefix/);
    expect(() => new TrustedProxies(['::10.0.0.1'])).toThrow(/IPv4-compatible/);
  });

  it('does not take an IPv4-compatible peer for the IPv4 proxy', () => {
    expect(resolve('::10.0.0.1', '203.0.113.7')).toBe('::a00:1');
  });
});
