import { parseClientAddress, type ClientAddress } from '#domain';
import type { TrustedProxies } from './trusted-proxies.js';

export interface ClientAddressSources {
  /** The socket's remote address. */
  readonly peer: string | null | undefined;
  /** Every X-Forwarded-For header value, as Node hands them over (one string or several). */
  readonly forwardedFor: string | readonly string[] | null | undefined;
}

const BRACKETED_WITH_PORT = /^\[([^\]]+)\](?::\d+)?$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;

/**
 * The address the traffic comes from. X-Forwarded-For counts only when the socket peer is a trusted
 * proxy; then it is walked from the right (each proxy appends the address it received from), trusted
 * hops are skipped, and the first untrusted address is the client. The leftmost entry is whatever
 * the caller wrote, so it is never believed on its own (Kong#1661, Unkey's allowlist).
 * `null` when the address cannot be known (an unreadable peer or hop): IP restrictions then refuse.
 */
export function resolveClientAddress(sources: ClientAddressSources, trusted: TrustedProxies): ClientAddress | null {
  const peer = parseClientAddress(sources.peer);
  if (peer === null || !trusted.includes(peer)) return peer;
  let closest = peer;
  const hops = forwardedHops(sources.forwardedFor);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = parseHop(hops[i] as string);
    if (hop === null) return null;
    if (!trusted.includes(hop)) return hop;
    closest = hop;
  }
  // Every hop is a trusted proxy: the farthest one is the best knowledge there is.
  return closest;
}

function forwardedHops(header: ClientAddressSources['forwardedFor']): string[] {
  const values = header === null || header === undefined ? [] : typeof header === 'string' ? [header] : header;
  return values
    .flatMap((value) => value.split(','))
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
}

/** Some proxies (Azure, IIS) append the port: `203.0.113.7:51234`, `[2001:db8::1]:443`. */
function parseHop(hop: string): ClientAddress | null {
  const withoutPort = BRACKETED_WITH_PORT.exec(hop)?.[1] ?? IPV4_WITH_PORT.exec(hop)?.[1] ?? hop;
  return parseClientAddress(withoutPort);
}
