import { parseIpRange, type ClientAddress } from '#domain';
import { CidrSet } from './cidr-set.js';

/**
 * The TRUSTED_PROXIES CIDR list, parsed once at startup (an invalid line throws the domain's
 * `invalid` error there, not per request). Per family, as for IP restrictions: an IPv6 range such
 * as `::/0` does not trust every IPv4 peer.
 */
export class TrustedProxies {
  static readonly NONE = new TrustedProxies([]);

  private readonly ranges = new CidrSet();

  constructor(cidrs: readonly string[]) {
    for (const line of cidrs) {
      const { cidr, family } = parseIpRange(line);
      this.ranges.add(cidr, family);
    }
  }

  includes(address: ClientAddress): boolean {
    return this.ranges.has(address);
  }
}
