import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessChecker } from '#guard';
import { sendProblem } from '../http/problem-details.filter.js';
import { validationFailed } from '../http/validation.pipe.js';
import { verifyAnswerText } from './verify.answer.js';
import { VerifyRequest } from './verify.request.js';

export interface VerifyRoutesOptions {
  readonly checker: AccessChecker;
}

export const VERIFY_PATH = '/api/v1/verify';

/**
 * `POST /api/v1/verify`: token verification for a gateway in front of another service, the same
 * decision as the Profit surface answered as data (always 200) rather than as a refusal. It counts
 * in the token's usage and takes from the connector's rate limit as a Profit call does.
 *
 * Other services call it once per call of theirs, so like the Profit surface it is a plain Fastify
 * route (its own scope) rather than a Nest controller; it keeps the admin API's contract: admin key
 * (checked before the body is read, by `checkAdminKeyBeforeBody` for all of /api/v1), zod-validated body, problem+json errors. Its OpenAPI entry is added by `verifyOpenApi`.
 */
export function verifyRoutes(options: VerifyRoutesOptions) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.setErrorHandler(sendProblem);
    // The body only ever goes through a strict zod schema, which refuses `__proto__` and
    // `constructor` keys as unknown; Fastify's scan of the text for them is not needed here.
    const parseJson = scope.getDefaultJsonParser('ignore', 'ignore');
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
      body === '' ? done(null, undefined) : parseJson(request, String(body), done),
    );
    // The answer is JSON text made once per token and code (`verifyAnswerText`), so no serializer runs.
    scope.post(VERIFY_PATH, (request, reply) => verify(options, request, reply));
  };
}

/** After `checkAdminKeyBeforeBody` has checked the admin key. */
function verify(options: VerifyRoutesOptions, request: FastifyRequest, reply: FastifyReply): void {
  const parsed = VerifyRequest.safeParse(request.body);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const body = parsed.data;
  const decision = options.checker.decide({
    environmentId: body.environmentId,
    token: body.token,
    clientAddress: body.clientIp,
    connector: body.connector,
  });
  reply.header('content-type', 'application/json; charset=utf-8').send(verifyAnswerText(decision));
}
