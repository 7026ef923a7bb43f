import type { IncomingHttpHeaders } from 'node:http';
import { ProfitError } from '#guard';
import { parseProfitPath } from '../profit/profit-path.js';
import { isServiceSegment, readProfitTarget, type ProfitTarget } from '../profit/profit-target.js';

/** The methods the Profit surface routes; any other original method is not a Profit call. */
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const badForwardedRequest = (message: string, code: string) => new ProfitError(400, message, code);

/**
 * What the proxied call means, read from the headers a reverse proxy sends its auth endpoint:
 * Traefik's `X-Forwarded-Method`/`X-Forwarded-Uri`, nginx's `X-Original-Method`/`X-Original-URI`, and
 * `X-Forwarded-Host` for the host. The path goes through `parseProfitPath` and the environment is read
 * as the Profit surface reads it (prefix first, else the host), so the decision is the one the Profit
 * surface would make for the same call. Throws a 400/404 `ProfitError` as that surface would.
 */
export function readForwardedRequest(headers: IncomingHttpHeaders): ProfitTarget {
  const method = oneOf(headers['x-forwarded-method'], headers['x-original-method'], 'method');
  if (method === undefined || !METHODS.has(method)) {
    throw badForwardedRequest('The original method is missing or not one the Profit surface serves', 'forwarded_method_invalid');
  }
  const uri = oneOf(headers['x-forwarded-uri'], headers['x-original-uri'], 'URI');
  if (uri === undefined) throw badForwardedRequest('The original URI is missing', 'forwarded_uri_missing');
  const segments = parseProfitPath(uri.split('?', 1)[0] ?? '');
  const prefixed = !isServiceSegment(segments[0]) && isServiceSegment(segments[1]);
  return readProfitTarget(method, segments, single(headers['x-forwarded-host']), prefixed);
}

/**
 * The value of whichever of the two headers is sent. Both sent with different values means the
 * proxy (or a client it let through) says two things: refused, rather than picking one.
 */
function oneOf(traefik: string | string[] | undefined, nginx: string | string[] | undefined, what: string): string | undefined {
  const first = single(traefik);
  const second = single(nginx);
  if (first !== undefined && second !== undefined && first !== second) {
    throw badForwardedRequest(`The original ${what} is given twice, differently`, 'forwarded_request_ambiguous');
  }
  return first ?? second;
}

/** Node joins repeated custom headers with `, ` (which no method or path reads as valid); empty is none. */
function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === '' ? undefined : text;
}
