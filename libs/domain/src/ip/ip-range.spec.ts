import { DomainError } from '../shared/domain-error.js';
import { parseIpRange } from './ip-range.js';

function refusal(address: string, subnetMask?: string | null) {
  try {
    parseIpRange(address, subnetMask);
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code, field: error.field };
    throw error;
  }
  throw new Error(`expected ${address} ${subnetMask ?? ''} to be refused`);
}

describe('parseIpRange', () => {
  describe('IPv4', () => {
    it.each([
      ['1.2.3.4', '1.2.3.4/32'],
      ['  1.2.3.4 ', '1.2.3.4/32'],
      ['10.0.0.0/8', '10.0.0.0/8'],
      ['10.1.2.3/8', '10.0.0.0/8'],
      ['192.168.1.77/28', '192.168.1.64/28'],
      ['172.16.5.4/12', '172.16.0.0/12'],
      ['1.2.3.4/0', '0.0.0.0/0'],
      ['1.2.3.4/32', '1.2.3.4/32'],
      ['10.0.0.0/08', '10.0.0.0/8'],
    ])('%s is stored as %s', (address, cidr) => {
      expect(parseIpRange(address)).toEqual({ cidr, family: 'ipv4' });
    });

    it.each([
      ['192.168.1.10', '255.255.255.0', '192.168.1.0/24'],
      ['192.168.1.10', ' 255.255.255.128 ', '192.168.1.0/25'],
      ['10.20.30.40', '255.240.0.0', '10.16.0.0/12'],
      ['10.20.30.40', '255.255.255.255', '10.20.30.40/32'],
      ['10.20.30.40', '0.0.0.0', '0.0.0.0/0'],
    ])('%s with mask %s is stored as %s', (address, mask, cidr) => {
      expect(parseIpRange(address, mask)).toEqual({ cidr, family: 'ipv4' });
    });

    it('ignores an empty or null subnet mask', () => {
      expect(parseIpRange('10.0.0.0/8', '')).toEqual({ cidr: '10.0.0.0/8', family: 'ipv4' });
      expect(parseIpRange('1.2.3.4', null)).toEqual({ cidr: '1.2.3.4/32', family: 'ipv4' });
    });
  });

  describe('IPv6', () => {
    it.each([
      ['2001:db8::1', '2001:db8::1/128'],
      ['2001:DB8::1', '2001:db8::1/128'],
      ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1/128'],
      ['2001:db8::/32', '2001:db8::/32'],
      ['2001:db8:abcd:12::1/48', '2001:db8:abcd::/48'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1/128'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1/128'],
      ['::1', '::1/128'],
      ['::/0', '::/0'],
      ['fe80::1/10', 'fe80::/10'],
      ['2001:db8::1/127', '2001:db8::/127'],
    ])('%s is stored as %s', (address, cidr) => {
      expect(parseIpRange(address)).toEqual({ cidr, family: 'ipv6' });
    });
  });

  describe('IPv4-mapped IPv6', () => {
    it.each([
      ['::ffff:1.2.3.4', '1.2.3.4/32'],
      ['::FFFF:0102:0304', '1.2.3.4/32'],
      ['::ffff:10.1.2.3/104', '10.0.0.0/8'],
      ['::ffff:0:0/96', '0.0.0.0/0'],
    ])('%s is stored as the IPv4 range %s', (address, cidr) => {
      expect(parseIpRange(address)).toEqual({ cidr, family: 'ipv4' });
    });

    it('takes a subnet mask like any IPv4 address', () => {
      expect(parseIpRange('::ffff:192.168.1.10', '255.255.255.0')).toEqual({ cidr: '192.168.1.0/24', family: 'ipv4' });
    });

    it('stays IPv6 when the prefix reaches beyond the mapped block', () => {
      expect(parseIpRange('::ffff:1.2.3.4/80')).toEqual({ cidr: '::/80', family: 'ipv6' });
    });
  });

  describe('IPv4-compatible IPv6 (deprecated, RFC 4291)', () => {
    it.each(['::1.2.3.4', '::10.0.0.1', '::10.0.0.0/104', '0:0:0:0:0:0:1.2.3.4', '::102:304', '::a00:1/128'])(
      'refuses %s, saying how to write the IPv4 address',
      (address) => {
        expect(refusal(address)).toEqual({ kind: 'invalid', code: 'ip_address_ipv4_compatible', field: 'address' });
      },
    );

    it('names the IPv4 address and its mapped form in the reason', () => {
      expect(() => parseIpRange('::1.2.3.4')).toThrow(
        '"::1.2.3.4" is an IPv4-compatible IPv6 address, deprecated by RFC 4291; for the IPv4 address write 1.2.3.4 (or ::ffff:1.2.3.4)',
      );
    });

    it.each([
      ['::', '::/128'],
      ['::0.0.0.1', '::1/128'],
      ['::/96', '::/96'],
      ['64:ff9b::1.2.3.4', '64:ff9b::102:304/128'],
    ])('still takes %s, which is no IPv4-compatible address, as the IPv6 range %s', (address, cidr) => {
      expect(parseIpRange(address)).toEqual({ cidr, family: 'ipv6' });
    });
  });

  describe('refusals', () => {
    it.each([
      '1.2.3',
      '1.2.3.256',
      '1.2.3.4.5',
      '010.1.2.3',
      '0x0a.1.2.3',
      '167772161',
      'localhost',
      '2001:db8::1::2',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
      '[::1]',
      '::ffff:010.1.2.3',
      '1.2.3.4/8/8',
      '/8',
    ])('"%s" is not an address', (address) => {
      expect(refusal(address)).toEqual({ kind: 'invalid', code: 'ip_address_invalid', field: 'address' });
    });

    it('requires an address', () => {
      expect(refusal('  ')).toEqual({ kind: 'invalid', code: 'address_required', field: 'address' });
    });

    it.each(['10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/x', '10.0.0.0/ 8', '2001:db8::/129', '2001:db8::/1000'])(
      '"%s" has a prefix out of range',
      (address) => {
        expect(refusal(address)).toEqual({ kind: 'invalid', code: 'ip_prefix_out_of_range', field: 'address' });
      },
    );

    it('explains the valid prefix range per family', () => {
      expect(() => parseIpRange('10.0.0.0/33')).toThrow('0 to 32');
      expect(() => parseIpRange('2001:db8::/129')).toThrow('0 to 128');
    });

    it.each(['255.0.255.0', '255.255.255.1', '0.255.255.255', '255.255.254.255'])(
      'refuses the non-contiguous mask %s',
      (mask) => {
        expect(refusal('10.0.0.0', mask)).toEqual({ kind: 'invalid', code: 'ip_subnet_mask_not_contiguous', field: 'subnetMask' });
      },
    );

    it.each(['255.255.255', '255.255.255.0.0', '/24', '24', 'ffff:ff00::', '255.255.255.00'])(
      'refuses the malformed mask %s',
      (mask) => {
        expect(refusal('10.0.0.0', mask)).toEqual({ kind: 'invalid', code: 'ip_subnet_mask_invalid', field: 'subnetMask' });
      },
    );

    it('refuses a subnet mask with an IPv6 address', () => {
      expect(refusal('2001:db8::', '255.255.255.0')).toEqual({
        kind: 'invalid',
        code: 'ip_subnet_mask_with_ipv6',
        field: 'subnetMask',
      });
    });

    it('refuses a subnet mask together with a /prefix', () => {
      expect(refusal('10.0.0.0/8', '255.0.0.0')).toEqual({
        kind: 'invalid',
        code: 'ip_subnet_mask_with_prefix',
        field: 'subnetMask',
      });
    });
  });
});
