import ipaddr from 'ipaddr.js';
import { invalid } from '../shared/domain-error.js';
import { formatIpAddress, ipv4OfCompatible, parseIpAddress, unmapIpv4, type IpAddress, type IpFamily } from './ip-address.js';

/** A normalised range: `cidr` names the network address (`10.0.0.0/8`, `2001:db8::/32`, `1.2.3.4/32`). */
export type IpRange = { readonly cidr: string; readonly family: IpFamily };

const PREFIX_PATTERN = /^\d{1,3}$/;
const MAPPED_IPV4_PREFIX = 96;

/**
 * Parses an IP restriction line: an address, a CIDR range, or an IPv4 address with a subnet mask.
 * Throws an `invalid` DomainError whose field is `address` or `subnetMask`.
 */
export function parseIpRange(address: string, subnetMask?: string | null): IpRange {
  const text = address.trim();
  if (text === '') throw invalid('address_required', 'address is required', 'address');
  const [addressText = '', prefixText, ...rest] = text.split('/');
  const maskText = subnetMask?.trim() || undefined;
  if (prefixText !== undefined && maskText !== undefined) {
    throw invalid('ip_subnet_mask_with_prefix', 'give either a /prefix or a subnet mask, not both', 'subnetMask');
  }
  const parsed = rest.length === 0 ? parseIpAddress(addressText) : null;
  if (parsed === null) throw invalidAddress(text);
  const compatible = ipv4OfCompatible(parsed);
  if (compatible !== null) throw ipv4Compatible(text, compatible.toString());
  const range = unmapRange(parsed, prefixText === undefined ? maxPrefix(parsed) : parsePrefix(prefixText, parsed));
  const prefix = maskText === undefined ? range.prefix : prefixOfMask(maskText, range.ip);
  return { cidr: `${formatIpAddress(networkAddress(range.ip, prefix))}/${prefix}`, family: range.ip.kind() };
}

/** `::ffff:10.0.0.0/104` is the IPv4 range `10.0.0.0/8`; a shorter prefix reaches beyond IPv4, so stays IPv6. */
function unmapRange(ip: IpAddress, prefix: number): { ip: IpAddress; prefix: number } {
  const ipv4 = unmapIpv4(ip);
  return ipv4 !== ip && prefix >= MAPPED_IPV4_PREFIX ? { ip: ipv4, prefix: prefix - MAPPED_IPV4_PREFIX } : { ip, prefix };
}

const maxPrefix = (ip: IpAddress) => (ip.kind() === 'ipv4' ? 32 : 128);

function parsePrefix(text: string, ip: IpAddress): number {
  const prefix = Number(text);
  if (!PREFIX_PATTERN.test(text) || prefix > maxPrefix(ip)) {
    throw invalid(
      'ip_prefix_out_of_range',
      `the prefix /${text} is not valid for ${ip.kind() === 'ipv4' ? 'IPv4 (0 to 32)' : 'IPv6 (0 to 128)'}`,
      'address',
    );
  }
  return prefix;
}

function prefixOfMask(text: string, ip: IpAddress): number {
  if (ip.kind() === 'ipv6') {
    throw invalid('ip_subnet_mask_with_ipv6', 'a subnet mask only goes with an IPv4 address; use /prefix for IPv6', 'subnetMask');
  }
  const mask = ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
  if (mask === null) {
    throw invalid('ip_subnet_mask_invalid', `subnet mask "${text}" is not an IPv4 mask such as 255.255.255.0`, 'subnetMask');
  }
  const prefix = mask.prefixLengthFromSubnetMask();
  if (prefix === null) {
    throw invalid(
      'ip_subnet_mask_not_contiguous',
      `subnet mask "${text}" is not contiguous: its one bits must all come before its zero bits`,
      'subnetMask',
    );
  }
  return prefix;
}

function networkAddress(ip: IpAddress, prefix: number): IpAddress {
  const bytes = ip.toByteArray().map((byte, index) => {
    const bits = Math.min(8, Math.max(0, prefix - index * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  return ipaddr.fromByteArray(bytes);
}

// Refused rather than guessed: an administrator who wrote it may mean the IPv4 client, but a client
// address of this form is the IPv6 address it is, so the line would never match what they meant.
const ipv4Compatible = (text: string, ipv4: string) =>
  invalid(
    'ip_address_ipv4_compatible',
    `"${text}" is an IPv4-compatible IPv6 address, deprecated by RFC 4291; for the IPv4 address write ${ipv4} (or ::ffff:${ipv4})`,
    'address',
  );

const invalidAddress = (text: string) =>
  invalid('ip_address_invalid', `"${text}" is not a valid IPv4 or IPv6 address or CIDR range`, 'address');
