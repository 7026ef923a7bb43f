import type { FastifyRequest } from 'fastify';
import { ProfitError, type AccessChecker, type AccessGranted } from '#guard';
import type { ProfitTarget } from './profit-target.js';

const FILE_NOT_FOUND = 'The file does not exist or may not be read';

/**
 * The guard's decision on a Profit call, with Profit's own answer where it differs from the
 * guard's: the FileConnector says 404 for a connector without AppConnectorSubject, so that a caller
 * cannot tell a file it may not read from one that does not exist. The 404 keeps the refusal's log reference.
 */
export function checkProfitCall(checker: AccessChecker, request: FastifyRequest, target: ProfitTarget): AccessGranted {
  try {
    return checker.check(request, { environmentId: target.environmentId, connector: target.call.connector });
  } catch (error) {
    const hidden = target.call.endpoint === 'forward' && target.call.ungrantedAsNotFound === true;
    if (hidden && error instanceof ProfitError && error.code === 'connector_not_granted') {
      throw new ProfitError(404, FILE_NOT_FOUND, 'file_not_readable', error.body.profitLogReference);
    }
    throw error;
  }
}
