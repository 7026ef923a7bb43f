import { parseClientAddress } from '#domain';
import { IpRules, type IpRule } from './ip-rules.js';

const rule = (access: IpRule['access'], cidr: string): IpRule => ({ access, cidr, family: cidr.includes(':') ? 'ipv6' : 'ipv4' });
const permits = (rules: IpRules, text: string) => rules.permits(parseClientAddress(text));

describe('IpRules', () => {
  it('permits everyone, even an unknown address, when there are no lines', () => {
    expect(IpRules.NONE.permits(null)).toBe(true);
    expect(permits(IpRules.NONE, '2001:db8::1')).toBe(true);
  });

  it.each([
    ['203.0.113.7', true],
    ['203.0.113.8', false],
    ['::ffff:203.0.113.7', true],
    ['10.9.8.7', true],
    ['2001:db8:1::5', true],
    ['2001:db9::5', false],
  ])('with allow lines, %s → %s', (address, expected) => {
    const rules = new IpRules([rule('allow', '203.0.113.7/32'), rule('allow', '10.0.0.0/8'), rule('allow', '2001:db8::/32')]);
    expect(permits(rules, address)).toBe(expected);
  });

  it.each([
    ['198.51.100.1', false],
    ['::ffff:198.51.100.1', false],
    ['198.51.101.1', true],
    ['fe80::1', false],
    ['fe81::1', false],
    ['2001:db8::1', true],
  ])('with deny lines, %s → %s', (address, expected) => {
    const rules = new IpRules([rule('deny', '198.51.100.0/24'), rule('deny', 'fe80::/10')]);
    expect(permits(rules, address)).toBe(expected);
  });

  it('keeps the families apart: an IPv6 line says nothing about IPv4 clients', () => {
    expect(permits(new IpRules([rule('deny', '::/0')]), '192.0.2.1')).toBe(true);
    expect(permits(new IpRules([rule('allow', '::/0')]), '192.0.2.1')).toBe(false);
  });

  it.each(['::203.0.113.7', '0:0:0:0:0:0:203.0.113.7', '::cb00:7107'])(
    'matches the IPv4-compatible client %s against IPv6 lines only, never as the IPv4 address',
    (address) => {
      expect(permits(new IpRules([rule('allow', '203.0.113.7/32')]), address)).toBe(false);
      expect(permits(new IpRules([rule('deny', '203.0.113.7/32')]), address)).toBe(true);
      expect(permits(new IpRules([rule('allow', '::/96')]), address)).toBe(true);
    },
  );

  it('lets deny win where both kinds exist', () => {
    const rules = new IpRules([rule('allow', '10.0.0.0/8'), rule('deny', '10.1.0.0/16')]);
    expect([permits(rules, '10.2.0.1'), permits(rules, '10.1.0.1'), permits(rules, '11.0.0.1')]).toEqual([true, false, false]);
  });

  it('refuses an unknown client address once any line exists', () => {
    expect(new IpRules([rule('deny', '10.0.0.0/8')]).permits(null)).toBe(false);
  });
});
