import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

const EMBEDDED_IPV4_TAIL = /:([^:]*\.[^:]*)$/;

/**
 * Strict parsing: IPv4 only as four dotted decimals. ipaddr.js on its own also accepts `10.1`,
 * `0x0a.1.2.3` and `010.1.2.3` (octal), which would make a restriction mean something other than
 * what the administrator read. IPv6 zone ids (`%eth0`) are refused here.
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text) || text.includes('%')) return null;
  const embedded = EMBEDDED_IPV4_TAIL.exec(text)?.[1];
  if (embedded !== undefined && !ipaddr.IPv4.isValidFourPartDecimal(embedded)) return null;
  return ipaddr.IPv6.parse(text);
}

/** `::ffff:1.2.3.4` is how a dual-stack socket shows an IPv4 client; it counts as `1.2.3.4`. */
export function unmapIpv4(address: IpAddress): IpAddress {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** Lowercase, compressed (RFC 5952) for IPv6; dotted decimal for IPv4. */
export function formatIpAddress(address: IpAddress): string {
  return address instanceof ipaddr.IPv6 ? address.toRFC5952String() : address.toString();
}
