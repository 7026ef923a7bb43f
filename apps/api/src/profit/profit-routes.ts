import replyFrom from '@fastify/reply-from';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProfitError, type AccessChecker, type AccessGranted, type AccessLookup } from '#guard';
import { BodyLimit, bodyTooLarge, declaresMoreThan } from './body-limit.js';
import { PROFIT_SERVICE_SEGMENT } from './profit-call.js';
import { handleProfitError, sendProfitError } from './profit-errors.js';
import { checkProfitCall } from './profit-access.js';
import { metaInfoJson } from './profit-metainfo.js';
import { PROFIT_VERSION_JSON } from './profit-version.js';
import { forwardedPath, profitTarget, type ProfitTarget } from './profit-target.js';
import type { ProfitMessages } from './profit-messages.port.js';
import type { ProfitUpstreams } from './profit-upstreams.js';
import { clientHeaders, upstreamHeaders } from './upstream-headers.js';

export interface ProfitRoutesOptions {
  readonly checker: AccessChecker;
  readonly index: AccessLookup;
  readonly upstreams: ProfitUpstreams;
  /** The largest request body forwarded; larger ones get 413 (`PROFIT_BODY_LIMIT_MB`). */
  readonly bodyLimitBytes: number;
  readonly messages: ProfitMessages;
}

/** HEAD is added by Fastify for GET routes; methods Profit does not serve get its 404 from `matchProfitCall`. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The Profit-compatible surface as a Fastify plugin (its own encapsulated scope). It is the hot
 * path, so it runs as plain Fastify routes rather than through Nest's guard/filter pipeline; the
 * access decision is `AccessChecker`, as for verify.
 * - One wildcard route per URL form (`{env}.host/ProfitRestServices/…` and
 *   `/{env}/ProfitRestServices/…`); the router matches the service segment in any case and
 *   `matchProfitCall` the rest.
 * - Request bodies stay unread streams in this scope (any content type, or none) and are forwarded
 *   byte for byte by @fastify/reply-from, up to `bodyLimitBytes`; a refused call's body is never buffered or forwarded.
 * - Every error, Fastify's own included, answers in Profit's shape.
 */
export function profitRoutes(options: ProfitRoutesOptions) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    await scope.register(replyFrom, { disableRequestLogging: true });
    scope.setErrorHandler(handleProfitError);
    const handler = (request: FastifyRequest, reply: FastifyReply) => handleProfitCall(options, request, reply);
    scope.route({ method: METHODS, url: `/${PROFIT_SERVICE_SEGMENT}/*`, handler });
    scope.route({ method: METHODS, url: `/:environmentId/${PROFIT_SERVICE_SEGMENT}/*`, handler });
  };
}

function handleProfitCall(options: ProfitRoutesOptions, request: FastifyRequest, reply: FastifyReply): void | Promise<FastifyReply> {
  const target = profitTarget(request);
  const access = checkProfitCall(options.checker, request, target);
  const { call } = target;
  if (call.endpoint === 'forward') return forward(options, request, reply, access, target);
  if (call.endpoint === 'version') return void reply.header('content-type', 'application/json; charset=utf-8').send(PROFIT_VERSION_JSON);
  if (call.endpoint === 'send-message') return options.messages.send(request, access).then((sent) => reply.status(202).send(sent));
  if (call.endpoint === 'message-status') return options.messages.status(access, call.messageId).then((status) => reply.send(status));
  const connector = options.index.connector(access.environmentId, access.appConnectorId);
  if (connector === undefined) throw new Error(`connector ${access.appConnectorId} left the index during the call`);
  reply.header('content-type', 'application/json; charset=utf-8').send(metaInfoJson(connector, access.expiresAt));
}

function forward(options: ProfitRoutesOptions, request: FastifyRequest, reply: FastifyReply, access: AccessGranted, target: ProfitTarget): void {
  const base = options.upstreams.baseFor(target.environmentId);
  if (base === null) throw new ProfitError(503, 'No upstream is configured for this environment', 'upstream_not_configured');
  if (declaresMoreThan(request.headers['content-length'], options.bodyLimitBytes)) throw bodyTooLarge(options.bodyLimitBytes);
  // Counted only here, on its way to the upstream: a refused call's body is never buffered or forwarded.
  if (request.body instanceof Readable) request.body = BodyLimit.around(request.body, options.bodyLimitBytes);
  reply.from(`${base}${forwardedPath(target)}`, {
    rewriteRequestHeaders: (_request, headers) => upstreamHeaders(headers, access),
    rewriteHeaders: clientHeaders,
    // Never repeat a call on our own: an upstream's 503 goes back to the client as it is.
    retryDelay: () => null,
    onError: (errorReply, { error }) => {
      // A body cut off at the limit aborts the upstream call: that is the client's 413, not a 502.
      if (request.body instanceof BodyLimit && request.body.exceeded) {
        const tooLarge = bodyTooLarge(options.bodyLimitBytes);
        request.log.info({ code: tooLarge.code, profitLogReference: tooLarge.body.profitLogReference }, 'profit call refused');
        return sendProfitError(errorReply as FastifyReply, tooLarge);
      }
      // reply-from marks timeouts with 504 and everything else (refused, reset, bad answer) otherwise.
      const answer = (error as { statusCode?: number }).statusCode === 504
        ? new ProfitError(504, 'The upstream did not answer in time', 'upstream_timeout')
        : new ProfitError(502, 'The upstream could not be reached', 'upstream_unreachable');
      request.log.warn({ code: answer.code, profitLogReference: answer.body.profitLogReference, err: error.message }, 'upstream call failed');
      sendProfitError(errorReply as FastifyReply, answer);
    },
  });
}
