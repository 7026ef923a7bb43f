import type { FastifyInstance, FastifyReply } from 'fastify';
import { resolveClientAddress, type TrustedProxies } from '#guard';
import { sendProblem } from '../http/problem-details.filter.js';
import type { AdminRequest } from './admin-auth.guard.js';
import type { AdminKeyRegistry } from './admin-key-registry.js';
import { authenticateAdmin } from './authenticate-admin.js';

export const ADMIN_API_PREFIX = '/api/v1/';

/**
 * Every `/api/v1/` call has its admin key checked as soon as its headers are in, before its body
 * is read: a caller without the key gets its 401 and never has a body buffered and parsed for it.
 * The same hook records the request's normalised client address (forwarding headers believed only
 * from trusted proxies, as the guard reads them): the source address of the events it causes.
 */
export function checkAdminKeyBeforeBody(fastify: FastifyInstance, registry: AdminKeyRegistry, trustedProxies: TrustedProxies): void {
  fastify.addHook('onRequest', (request: AdminRequest, reply: FastifyReply, done: () => void) => {
    if (!request.url.startsWith(ADMIN_API_PREFIX)) return done();
    try {
      request.actor = authenticateAdmin(registry, request.headers.authorization);
    } catch (error) {
      return sendProblem(error, request, reply);
    }
    const client = resolveClientAddress({ peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] }, trustedProxies);
    request.sourceIp = client?.address ?? null;
    done();
  });
}
