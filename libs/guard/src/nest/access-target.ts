import type { FastifyRequest } from 'fastify';
import type { AccessTarget } from '../check/access-checker.js';

/**
 * How a surface tells `AfasTokenGuard` what a request calls (a Profit surface reads Host and path).
 * May throw a `ProfitError` (404) when the request names no environment or no known endpoint.
 */
export interface AccessTargetResolver {
  resolve(request: FastifyRequest): AccessTarget;
}
