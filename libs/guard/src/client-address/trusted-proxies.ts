import { BlockList } from 'node:net';
import { parseIpRange, type ClientAddress } from '#domain';

/**
 * The TRUSTED_PROXIES CIDR list, parsed once at startup (an invalid line throws the domain's
 * `invalid` error there, not per request). One BlockList per family, as for IP restrictions: Node
 * would otherwise let an IPv6 range such as `::/0` trust every IPv4 peer.
 */
export class TrustedProxies {
  static readonly NONE = new TrustedProxies([]);

  private readonly lists = { ipv4: new BlockList(), ipv6: new BlockList() };
  private readonly empty: boolean;

  constructor(cidrs: readonly string[]) {
    for (const line of cidrs) {
      const { cidr, family } = parseIpRange(line);
      const [network = '', prefix = ''] = cidr.split('/');
      this.lists[family].addSubnet(network, Number(prefix), family);
    }
    this.empty = cidrs.length === 0;
  }

  includes(address: ClientAddress): boolean {
    return !this.empty && this.lists[address.family].check(address.address, address.family);
  }
}
