import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProfitError } from '#guard';
import { handleProfitError } from '../profit/profit-errors.js';
import { ambiguousPath, parseProfitPath } from '../profit/profit-path.js';
import { isProfitUrl } from '../profit/profit-url.js';
import { sendProblem } from './problem-details.filter.js';

/**
 * Fastify's `frameworkErrors`: what its router refuses before any route runs (a path that does not
 * percent-decode, a parameter over its length) answers in the shape of the surface it was meant
 * for, Profit's body or problem+json, never Fastify's own.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (!isProfitUrl(request.url)) return sendProblem(error, request, reply);
  handleProfitError(error.code === 'FST_ERR_BAD_URL' ? pathRefusal(request.url) : new ProfitError(error.statusCode ?? 400, 'The request path is too long', 'path_too_long'), request, reply);
}

/** The reason `parseProfitPath` gives for the path, the same as for a path the router did accept. */
function pathRefusal(url: string): ProfitError {
  try {
    parseProfitPath(url.split('?', 1)[0] ?? '');
  } catch (error) {
    if (error instanceof ProfitError) return error;
  }
  return ambiguousPath('it is not a valid URL path');
}
