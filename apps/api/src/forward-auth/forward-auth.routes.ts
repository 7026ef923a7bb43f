import { ForbiddenException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseClientAddress } from '#domain';
import type { AccessChecker, TrustedProxies } from '#guard';
import { sendProblem } from '../http/problem-details.filter.js';
import { checkProfitCall } from '../profit/profit-access.js';
import { handleProfitError } from '../profit/profit-errors.js';
import { FORWARD_AUTH_KEY_HEADER, type ForwardAuthKey } from './forward-auth-key.js';
import { readForwardedRequest } from './forwarded-request.js';

export interface ForwardAuthRoutesOptions {
  readonly checker: AccessChecker;
  readonly trustedProxies: TrustedProxies;
  readonly key: ForwardAuthKey;
}

export const FORWARD_AUTH_PATH = '/api/v1/forward-auth';

/**
 * nginx `auth_request` sends the original method unless told otherwise, Traefik `forwardAuth` a GET
 * (HEAD comes with GET); the body is never read, so any of these is as good as another.
 */
const FORWARD_AUTH_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Read by `checkAdminKeyBeforeBody`: the proxy authenticates with FORWARD_AUTH_KEY, the client's `Authorization` is its token. */
const NO_ADMIN_KEY = Object.freeze({ adminKey: false });

/**
 * The Profit guard for a reverse proxy in front of another service: the proxy passes on the original
 * call (method, host, URI in its headers, the client's `Authorization: AfasToken …` as it came) and
 * gets 200 with the token's identity headers when the Profit surface would let that call through,
 * else the 401/403 (or 400/404) and body the Profit surface would answer. An allowed check counts as a
 * use of the token.
 *
 * The forwarded headers are believed only from a TCP peer in TRUSTED_PROXIES that sends
 * FORWARD_AUTH_KEY; anyone else gets 403 problem+json and nothing is decided. A plain Fastify route
 * in its own scope, as the Profit surface: it is called once per proxied call.
 */
export function forwardAuthRoutes(options: ForwardAuthRoutesOptions) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.setErrorHandler(handleProfitError);
    scope.route({ method: FORWARD_AUTH_METHODS, url: FORWARD_AUTH_PATH, config: NO_ADMIN_KEY, handler: (request, reply) => forwardAuth(options, request, reply) });
  };
}

function forwardAuth(options: ForwardAuthRoutesOptions, request: FastifyRequest, reply: FastifyReply): void {
  const peer = parseClientAddress(request.raw.socket.remoteAddress);
  // Before the key: a caller that is no proxy learns nothing about it.
  if (peer === null || !options.trustedProxies.includes(peer)) return refuseProxy(request, reply, 'the caller is not a trusted proxy (TRUSTED_PROXIES)');
  if (!options.key.matches(request.headers[FORWARD_AUTH_KEY_HEADER])) return refuseProxy(request, reply, 'send FORWARD_AUTH_KEY as X-Forward-Auth-Key');
  const target = readForwardedRequest(request.headers);
  const access = checkProfitCall(options.checker, request, target);
  reply
    .header('x-app-connector-id', access.appConnectorId)
    .header('x-user-id', access.userId)
    .header('x-environment-id', access.environmentId)
    .send();
}

/** A misconfigured or foreign caller, not a refused client: the operator's problem, so problem+json and a warning. */
function refuseProxy(request: FastifyRequest, reply: FastifyReply, detail: string): void {
  request.log.warn({ peer: request.raw.socket.remoteAddress ?? null, detail }, 'forward-auth caller refused');
  sendProblem(new ForbiddenException(detail), request, reply);
}
