import { BlockList } from 'node:net';
import { parseClientAddress, parseIpRange } from '#domain';
import { CidrSet } from './cidr-set.js';

const setOf = (...lines: string[]) => {
  const set = new CidrSet();
  for (const line of lines) {
    const { cidr, family } = parseIpRange(line);
    set.add(cidr, family);
  }
  return set;
};
const has = (set: CidrSet, text: string) => set.has(parseClientAddress(text)!);

/** A deterministic stream of pseudo-random numbers, so a failure can be replayed. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('CidrSet', () => {
  it('matches IPv4 at every prefix length, the edges of a range included', () => {
    const set = setOf('10.0.0.0/8', '192.0.2.128/25', '198.51.100.7/32');
    expect(['10.0.0.0', '10.255.255.255', '192.0.2.128', '192.0.2.255', '198.51.100.7'].map((a) => has(set, a))).toEqual([true, true, true, true, true]);
    expect(['9.255.255.255', '11.0.0.0', '192.0.2.127', '198.51.100.6', '198.51.100.8'].map((a) => has(set, a))).toEqual([false, false, false, false, false]);
    expect(has(setOf('0.0.0.0/0'), '255.255.255.255')).toBe(true);
  });

  it('matches IPv6, and keeps the families apart', () => {
    const set = setOf('2001:db8::/32', 'fe80::/10');
    expect(['2001:db8::1', '2001:db8:ffff::', 'febf::1'].map((a) => has(set, a))).toEqual([true, true, true]);
    expect(['2001:db9::', 'fec0::1', '192.0.2.1'].map((a) => has(set, a))).toEqual([false, false, false]);
    expect(has(setOf('::/0'), '192.0.2.1')).toBe(false);
    expect(has(setOf('0.0.0.0/0'), '::1')).toBe(false);
    expect(setOf().empty).toBe(true);
    expect(has(setOf(), '192.0.2.1')).toBe(false);
  });

  it('agrees with node:net BlockList on random IPv4 ranges and addresses', () => {
    const random = numbers(20261202);
    const octets = () => Array.from({ length: 4 }, () => Math.floor(random() * 256)).join('.');
    for (let round = 0; round < 200; round += 1) {
      const lines = Array.from({ length: 3 }, () => `${octets()}/${Math.floor(random() * 33)}`);
      const set = setOf(...lines);
      const reference = new BlockList();
      for (const line of lines) {
        const [network = '', prefix = ''] = parseIpRange(line).cidr.split('/');
        reference.addSubnet(network, Number(prefix), 'ipv4');
      }
      for (let i = 0; i < 50; i += 1) {
        const address = octets();
        expect([lines, address, has(set, address)]).toEqual([lines, address, reference.check(address, 'ipv4')]);
      }
    }
  });
});
