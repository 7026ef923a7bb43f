import type { FastifyRequest } from 'fastify';
import { ProfitError } from '#guard';
import { matchProfitCall, type ProfitCall } from './profit-call.js';
import { environmentFromHost, isEnvironmentId } from './profit-environment.js';
import { formatProfitPath, parseProfitPath } from './profit-path.js';

/** What a Profit call means. */
export interface ProfitTarget {
  readonly environmentId: string;
  readonly call: ProfitCall;
  /** The decoded segments from `ProfitRestServices` on: what the call was read from, and what is forwarded. */
  readonly serviceSegments: readonly string[];
}

type ProfitParams = { readonly environmentId?: string };

/**
 * Reads what a Profit call means, from the path read once by `parseProfitPath` (400 for a path
 * whose meaning depends on its reader). The environment comes from a `/{env}/ProfitRestServices/…`
 * path when the client used one (it names the environment explicitly, so it wins), else from the
 * Host. Throws a 404 `ProfitError` for no environment or an endpoint this surface does not serve.
 */
export function profitTarget(request: FastifyRequest): ProfitTarget {
  // The router matched this same path: behind an `/{env}` prefix the service segment is the second.
  const prefixed = (request.params as ProfitParams).environmentId !== undefined;
  return readProfitTarget(request.method, parseProfitPath(request.url.split('?', 1)[0] ?? ''), request.headers.host, prefixed);
}

/** `profitTarget` of a call known by its parts (forward-auth reads them from a proxy's headers). */
export function readProfitTarget(method: string, segments: readonly string[], host: string | undefined, prefixed: boolean): ProfitTarget {
  const environmentId = prefixed ? segments[0] : environmentFromHost(host);
  if (!isEnvironmentId(environmentId ?? undefined)) {
    throw new ProfitError(
      404,
      'Unknown environment: call {environment}.rest.<domain>/ProfitRestServices/… or /{environment}/ProfitRestServices/…',
      'environment_unknown',
    );
  }
  const serviceSegments = prefixed ? segments.slice(1) : segments;
  const call = isServiceSegment(serviceSegments[0]) ? matchProfitCall(method, serviceSegments.slice(1)) : null;
  if (call === null) throw new ProfitError(404, 'Unknown endpoint', 'endpoint_unknown');
  return { environmentId: environmentId as string, call, serviceSegments };
}

/** `ProfitRestServices` in any case, as the router matches it. */
export function isServiceSegment(segment: string | undefined): boolean {
  return segment?.toLowerCase() === 'profitrestservices';
}

/** `/ProfitRestServices/…` without an `/{env}` prefix or the query: what is forwarded. */
export function forwardedPath(target: ProfitTarget): string {
  return formatProfitPath(target.serviceSegments);
}
