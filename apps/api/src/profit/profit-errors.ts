import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProfitError, REFUSALS } from '#guard';

/** Sends an error in Profit's shape, `{externalMessage, errorNumber, profitLogReference}`. */
export function sendProfitError(reply: FastifyReply, error: ProfitError): void {
  // A body over the limit is left unread: closing the connection after the answer is the way out
  // (Node would otherwise keep it waiting on that body, or read all of it).
  if (error.getStatus() === 413) reply.header('connection', 'close');
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  reply.status(error.getStatus()).header('content-type', 'application/json; charset=utf-8').send(error.body);
}

/**
 * The Profit surface's error handler: every error in Profit's shape. The access check logs its
 * refusals (the codes of `REFUSALS`) with their reference itself; everything else is logged here,
 * so that every reference a client can show is in the log. Fastify's own client errors (a body
 * too large, a malformed content type) keep their status and message.
 */
export function handleProfitError(exception: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  sendProfitError(reply, asProfitError(exception, request));
}

function asProfitError(exception: unknown, request: FastifyRequest): ProfitError {
  if (exception instanceof ProfitError) {
    if (!Object.hasOwn(REFUSALS, exception.code)) {
      request.log.info({ code: exception.code, profitLogReference: exception.body.profitLogReference }, 'profit call refused');
    }
    return exception;
  }
  const status = (exception as Partial<FastifyError>).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const error = new ProfitError(status, (exception as Error).message, 'bad_request');
    request.log.info({ code: error.code, profitLogReference: error.body.profitLogReference, err: (exception as Error).message }, 'profit call refused');
    return error;
  }
  const error = new ProfitError(500, 'The request could not be handled', 'unexpected');
  request.log.error({ profitLogReference: error.body.profitLogReference, err: describe(exception) }, 'profit call failed');
  return error;
}

function describe(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
}
