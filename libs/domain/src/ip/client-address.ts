import { formatIpAddress, parseIpAddress, unmapIpv4, type IpFamily } from './ip-address.js';

export type ClientAddress = { readonly family: IpFamily; readonly address: string };

const ZONE_ID = /%[^%]+$/;
const CANONICAL_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * Normalises the address a request came from (a socket's remote address), for matching against
 * IP restrictions: IPv4-mapped IPv6 becomes IPv4 (an IPv4-compatible `::1.2.3.4` stays the IPv6
 * address it is), IPv6 is lowercased and compressed, and an IPv6 zone id is dropped (it names a
 * local interface, not part of the address). Never throws.
 */
export function parseClientAddress(text: string | null | undefined): ClientAddress | null {
  const trimmed = text?.trim() ?? '';
  // The common case on the guard's hot path: a socket's dotted IPv4 address, already canonical.
  if (CANONICAL_IPV4.test(trimmed)) return { family: 'ipv4', address: trimmed };
  const withoutZone = trimmed.includes(':') ? trimmed.replace(ZONE_ID, '') : trimmed;
  const parsed = parseIpAddress(withoutZone);
  if (parsed === null) return null;
  const address = unmapIpv4(parsed);
  return { family: address.kind(), address: formatIpAddress(address) };
}
