import { Injectable } from '@nestjs/common';
import { ProfitError, type AccessTarget, type AccessTargetResolver } from '#guard';
import { matchProfitCall } from './profit-call.js';
import { environmentFromHost, isEnvironmentId } from './profit-environment.js';
import type { ProfitRequest } from './profit-request.js';

type ProfitParams = { readonly environmentId?: string; readonly '*'?: string };

const ENVIRONMENT_PREFIX = /^\/[^/?]+/;

/**
 * Reads what a Profit call means. The environment comes from a `/{env}/ProfitRestServices/…` path
 * when the client used one (it names the environment explicitly, so it wins), else from the Host.
 */
@Injectable()
export class ProfitTargetResolver implements AccessTargetResolver {
  resolve(request: ProfitRequest): AccessTarget {
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
    const path = request.url.split('?', 1)[0] ?? '';
    const profitPath = params.environmentId === undefined ? path : path.replace(ENVIRONMENT_PREFIX, '');
    request.profitCall = { environmentId: environmentId as string, call, profitPath };
    return { environmentId: environmentId as string, connector: call.connector };
  }
}
