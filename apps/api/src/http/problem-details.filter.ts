import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem.js';

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toProblem(exception);
    if (body.status >= 500) {
      this.logger.error({ msg: 'request failed', requestId: request.id, err: describe(exception) });
    }
    if (body.status === 401) reply.header('www-authenticate', 'Bearer');
    reply.status(body.status).header('content-type', 'application/problem+json').send({ ...body, instance: request.id });
  }
}

function describe(exception: unknown) {
  return exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : exception;
}
