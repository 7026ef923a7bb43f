import type { FastifyInstance, FastifyReply, onRequestHookHandler, RouteOptions } from 'fastify';
import { resolveClientAddress, type TrustedProxies } from '#guard';
import { sendProblem } from '../http/problem-details.filter.js';
import type { AdminRequest } from './admin-auth.guard.js';
import type { AdminKeyRegistry } from './admin-key-registry.js';
import { authenticateAdmin } from './authenticate-admin.js';

const ADMIN_API_PREFIX = '/api/v1/';

/**
 * Every `/api/v1/` route has its admin key checked as soon as a request's headers are in, before
 * its body is read: a caller without the key gets its 401 and never has a body buffered and parsed
 * for it. The same hook records the request's normalised client address (forwarding headers
 * believed only from trusted proxies, as the guard reads them): the source address of the events
 * it causes. Attached to those routes alone (`onRoute`), so the Profit surface runs no hook for it;
 * a route whose config says `adminKey: false` authenticates its caller itself (forward-auth).
 */
export function checkAdminKeyBeforeBody(fastify: FastifyInstance, registry: AdminKeyRegistry, trustedProxies: TrustedProxies): void {
  const check: onRequestHookHandler = (request: AdminRequest, reply: FastifyReply, done) => {
    try {
      request.actor = authenticateAdmin(registry, request.headers.authorization);
    } catch (error) {
      return sendProblem(error, request, reply);
    }
    const client = resolveClientAddress({ peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] }, trustedProxies);
    request.sourceIp = client?.address ?? null;
    done();
  };
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith(ADMIN_API_PREFIX) || (route.config as { adminKey?: boolean } | undefined)?.adminKey === false) return;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [check, ...own];
  });
}
