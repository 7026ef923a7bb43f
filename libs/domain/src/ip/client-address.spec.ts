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
  ])('normalises %s', (text, expected) => {
    expect(parseClientAddress(text)).toEqual(expected);
  });

  it.each([undefined, null, '', '  ', 'unknown', '1.2.3', '010.1.2.3', '1.2.3.4/32', '[::1]', '1.2.3.4:8080', '1.2.3.4%eth0', '::1%'])(
    'refuses %j without throwing',
    (text) => {
      expect(parseClientAddress(text)).toBeNull();
    },
  );
});
