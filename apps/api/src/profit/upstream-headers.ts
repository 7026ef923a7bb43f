import type { IncomingHttpHeaders } from 'node:http';
import type { AccessGranted } from '#guard';

/** Set by this service for the upstream; a client's own copies are dropped so that none can be forged. */
const IDENTITY_HEADERS = ['x-app-connector-id', 'x-user-id', 'x-environment-id'] as const;

/**
 * Never passed on: the client's credentials, forged identities, and what concerns only the hop
 * from the client (`Expect: 100-continue` was answered here; the upstream call streams the body).
 */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'upgrade'];
/**
 * Headers an upstream may read as another client address, URL or method than the one the guard
 * decided on (IIS URL Rewrite, ASP.NET method overrides): the guard's decision covers exactly the
 * forwarded request, so a client never sets these.
 */
const REINTERPRETING = [
  'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-prefix', 'x-real-ip',
  'x-original-url', 'x-rewrite-url', 'x-original-uri', 'x-http-method-override', 'x-http-method', 'x-method-override',
];
const DROPPED: ReadonlySet<string> = new Set(['authorization', 'expect', ...HOP_BY_HOP, ...REINTERPRETING, ...IDENTITY_HEADERS]);

/**
 * The headers the upstream receives: the client's, minus `DROPPED`, plus who the guard let through.
 */
export function upstreamHeaders(
  headers: IncomingHttpHeaders,
  access: Pick<AccessGranted, 'appConnectorId' | 'userId' | 'environmentId'>,
): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!DROPPED.has(lower)) result[lower] = value;
  }
  result['x-app-connector-id'] = access.appConnectorId;
  result['x-user-id'] = access.userId;
  result['x-environment-id'] = access.environmentId;
  return result;
}

/**
 * The upstream's answer headers as the client receives them: without those of the hop between this
 * service and the upstream (its `Connection: keep-alive` would override a client's `Connection: close`).
 */
export function clientHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.includes(name.toLowerCase())) result[name] = value;
  return result;
}
