import ipaddr from 'ipaddr.js';
import type { ClientAddress, IpFamily } from '#domain';

type Ipv4Range = { readonly network: number; readonly mask: number };
type Ipv6Range = { readonly network: ipaddr.IPv6; readonly prefix: number };

/** `a.b.c.d` (already validated and canonical, as ClientAddress holds it) as an unsigned 32-bit number. */
function ipv4Number(address: string): number {
  let value = 0;
  let octet = 0;
  for (let i = 0; i < address.length; i += 1) {
    const code = address.charCodeAt(i);
    if (code === 46) {
      value = (value << 8) | octet;
      octet = 0;
    } else octet = octet * 10 + (code - 48);
  }
  return ((value << 8) | octet) >>> 0;
}

const maskOf = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/**
 * CIDR ranges of one list (trusted proxies, a connector's allow or deny lines), matched per family:
 * an IPv6 range never matches an IPv4 client (`::/0` does not mean every IPv4 address). IPv4, the
 * guard's common case, is integer arithmetic on the address text; node's BlockList would build a
 * native SocketAddress for every check.
 */
export class CidrSet {
  private readonly ipv4: Ipv4Range[] = [];
  private readonly ipv6: Ipv6Range[] = [];

  /** `cidr` as the domain's parseIpRange gives it: canonical network and prefix. */
  add(cidr: string, family: IpFamily): void {
    const [network = '', prefixText = ''] = cidr.split('/');
    const prefix = Number(prefixText);
    if (family === 'ipv4') {
      const mask = maskOf(prefix);
      this.ipv4.push({ network: (ipv4Number(network) & mask) >>> 0, mask });
    } else this.ipv6.push({ network: ipaddr.IPv6.parse(network), prefix });
  }

  get empty(): boolean {
    return this.ipv4.length === 0 && this.ipv6.length === 0;
  }

  has(client: ClientAddress): boolean {
    if (client.family === 'ipv4') {
      if (this.ipv4.length === 0) return false;
      const address = ipv4Number(client.address);
      return this.ipv4.some(({ network, mask }) => ((address & mask) >>> 0) === network);
    }
    if (this.ipv6.length === 0) return false;
    const address = ipaddr.IPv6.parse(client.address);
    return this.ipv6.some(({ network, prefix }) => address.match(network, prefix));
  }
}
