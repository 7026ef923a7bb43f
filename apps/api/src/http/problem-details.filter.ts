import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem.js';

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

/** Answers with the problem details of whatever was thrown; failures of the server are logged. */
export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const body = toProblem(exception);
  if (body.status >= 500) request.log.error({ context: 'http', requestId: request.id, err: describe(exception) }, 'request failed');
  if (body.status === 401) reply.header('www-authenticate', 'Bearer');
  reply.status(body.status).header('content-type', 'application/problem+json').send({ ...body, instance: request.id });
}

function describe(exception: unknown) {
  return exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : exception;
}
