import type { FastifyRequest } from 'fastify';
import type { ConnectorCall } from '../decision/access-decision.js';

/** Which environment and connector a request calls. */
export interface AccessTarget {
  readonly environmentId: string;
  readonly connector: ConnectorCall;
}

/**
 * How a surface tells the guard what a request calls (the Profit surface reads Host and path).
 * May throw a `ProfitError` (404) when the request names no environment or no known endpoint.
 */
export interface AccessTargetResolver {
  resolve(request: FastifyRequest): AccessTarget;
}
