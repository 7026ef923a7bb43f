import type { FastifyRequest } from 'fastify';
import { ProfitError } from '#guard';
import { matchProfitCall, type ProfitCall } from './profit-call.js';
import { environmentFromHost, isEnvironmentId } from './profit-environment.js';

/** What a Profit call means. */
export interface ProfitTarget {
  readonly environmentId: string;
  readonly call: ProfitCall;
}

type ProfitParams = { readonly environmentId?: string; readonly '*'?: string };

const ENVIRONMENT_PREFIX = /^\/[^/?]+/;

/**
 * Reads what a Profit call means. The environment comes from a `/{env}/ProfitRestServices/…` path
 * when the client used one (it names the environment explicitly, so it wins), else from the Host.
 * Throws a 404 `ProfitError` for no environment or an endpoint this surface does not serve.
 */
export function profitTarget(request: FastifyRequest): ProfitTarget {
  const params = request.params as ProfitParams;
  const environmentId = params.environmentId ?? environmentFromHost(request.headers.host);
  if (!isEnvironmentId(environmentId ?? undefined)) {
    throw new ProfitError(
      404,
      'Unknown environment: call {environment}.rest.<domain>/ProfitRestServices/… or /{environment}/ProfitRestServices/…',
      'environment_unknown',
    );
  }
  const call = matchProfitCall(request.method, params['*'] ?? '');
  if (call === null) throw new ProfitError(404, 'Unknown endpoint', 'endpoint_unknown');
  return { environmentId: environmentId as string, call };
}

/** `/ProfitRestServices/…` as the client wrote it, without an `/{env}` prefix or the query: what is forwarded. */
export function profitPath(request: FastifyRequest): string {
  const path = request.url.split('?', 1)[0] ?? '';
  return (request.params as ProfitParams).environmentId === undefined ? path : path.replace(ENVIRONMENT_PREFIX, '');
}
