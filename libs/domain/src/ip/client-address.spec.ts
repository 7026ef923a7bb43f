import { parseClientAddress } from './client-address.js';

describe('parseClientAddress', () => {
  it.each([
    ['1.2.3.4', { family: 'ipv4', address: '1.2.3.4' }],
    [' 10.0.0.1 ', { family: 'ipv4', address: '10.0.0.1' }],
    ['::ffff:1.2.3.4', { family: 'ipv4', address: '1.2.3.4' }],
    ['::FFFF:7f00:1', { family: 'ipv4', address: '127.0.0.1' }],
    ['2001:DB8:0:0:0:0:0:1', { family: 'ipv6', address: '2001:db8::1' }],
    ['::1', { family: 'ipv6', address: '::1' }],
    ['fe80::1%eth0', { family: 'ipv6', address: 'fe80::1' }],
    ['fe80::1%25', { family: 'ipv6', address: 'fe80::1' }],
    ['64:ff9b::192.0.2.1', { family: 'ipv6', address: '64:ff9b::c000:201' }],
  ])('normalises %s', (text, expected) => {
    expect(parseClientAddress(text)).toEqual(expected);
  });

  it.each([
    ['::1.2.3.4', '::102:304'],
    ['::10.0.0.1', '::a00:1'],
    ['0:0:0:0:0:0:1.2.3.4', '::102:304'],
    ['::102:304', '::102:304'],
  ])('given the IPv4-compatible %s, answers the IPv6 address %s, never the IPv4 one', (text, address) => {
    expect(parseClientAddress(text)).toEqual({ family: 'ipv6', address });
  });

  it('reads ::0.0.0.1 and ::0.0.0.0 as the loopback and unspecified IPv6 addresses they are', () => {
    expect(parseClientAddress('::0.0.0.1')).toEqual({ family: 'ipv6', address: '::1' });
    expect(parseClientAddress('::0.0.0.0')).toEqual({ family: 'ipv6', address: '::' });
  });

  it.each([undefined, null, '', '  ', 'unknown', '1.2.3', '010.1.2.3', '1.2.3.4/32', '[::1]', '1.2.3.4:8080', '1.2.3.4%eth0', '::1%', '::1.2.3', '::01.2.3.4', '1:2:3:4:5:6:7:1.2.3.4'])(
    'refuses %j without throwing',
    (text) => {
      expect(parseClientAddress(text)).toBeNull();
    },
  );
});
