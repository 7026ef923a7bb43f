import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

const EMBEDDED_IPV4_TAIL = /:([^:]*\.[^:]*)$/;
const [IPV4_COMPATIBLE_NETWORK, IPV4_COMPATIBLE_PREFIX] = ipaddr.IPv6.parseCIDR('::/96');

/**
 * Strict parsing: IPv4 only as four dotted decimals. ipaddr.js on its own also accepts `10.1`,
 * `0x0a.1.2.3` and `010.1.2.3` (octal), which would make a restriction mean something other than
 * what the administrator read. IPv6 zone ids (`%eth0`) are refused here.
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes('%')) return null;
  const ipv6 = withHexIpv4Tail(text);
  return ipv6 !== null && ipaddr.IPv6.isValid(ipv6) ? ipaddr.IPv6.parse(ipv6) : null;
}

/**
 * IPv6 text with a dotted IPv4 tail rewritten as two hex groups (`::1.2.3.4` → `::102:304`), null
 * when that tail is no four-part decimal. ipaddr.js reads `::1.2.3.4` as `::ffff:1.2.3.4`, which would
 * turn an IPv4-compatible address into the IPv4 address it is not.
 */
function withHexIpv4Tail(text: string): string | null {
  const tail = EMBEDDED_IPV4_TAIL.exec(text);
  if (tail === null) return text;
  if (!ipaddr.IPv4.isValidFourPartDecimal(tail[1]!)) return null;
  const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(tail[1]!).octets;
  return `${text.slice(0, tail.index + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * The IPv4 address inside an IPv4-compatible IPv6 address (`::1.2.3.4`, in ::/96, deprecated by
 * RFC 4291 §2.5.5.1); null for any other address. `::` and `::1` lie in that range but are the
 * unspecified and loopback addresses, not IPv4-compatible ones.
 */
export function ipv4OfCompatible(address: IpAddress): ipaddr.IPv4 | null {
  if (!(address instanceof ipaddr.IPv6) || !address.match(IPV4_COMPATIBLE_NETWORK, IPV4_COMPATIBLE_PREFIX)) return null;
  if (address.range() === 'unspecified' || address.range() === 'loopback') return null;
  return new ipaddr.IPv4(address.toByteArray().slice(12));
}

/** `::ffff:1.2.3.4` is how a dual-stack socket shows an IPv4 client; it counts as `1.2.3.4`. */
export function unmapIpv4(address: IpAddress): IpAddress {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** Lowercase, compressed (RFC 5952) for IPv6; dotted decimal for IPv4. */
export function formatIpAddress(address: IpAddress): string {
  return address instanceof ipaddr.IPv6 ? address.toRFC5952String() : address.toString();
}
