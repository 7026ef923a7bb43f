import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { ReadSide } from '#read-model';
import { READ_SIDE, READ_YOUR_WRITES_TIMEOUT_MS } from '../read-side/read-side.tokens.js';
import { minPositionOf } from './query-params.js';

export interface QueryRequest extends FastifyRequest {
  /** The read side's position when the query started: its answer includes at least this much. */
  readPosition?: number;
}

/**
 * Read-your-writes and freshness for every query route: waits (bounded) until the read models hold
 * `minPosition`, answering 503 with Retry-After otherwise, then stamps the answer with the position
 * it reads at. The position is taken before the handler reads: a position moves only after a commit
 * (this process's runner's, or one another process committed), so the documents read are at least
 * that fresh.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_SIDE) private readonly readSide: ReadSide,
    @Inject(READ_YOUR_WRITES_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<QueryRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const minPosition = minPositionOf(request.query, request.headers['x-min-position']);
    const reached = minPosition === undefined || (await this.readSide.waitForPosition(minPosition, this.timeoutMs));
    const position = this.readSide.position();
    reply.header('x-projection-position', String(position));
    if (!reached) {
      reply.header('retry-after', String(Math.ceil(this.timeoutMs / 1000)));
      throw new ServiceUnavailableException(
        `the read models are at position ${position} and did not reach ${minPosition} within ${this.timeoutMs} ms; retry later`,
      );
    }
    request.readPosition = position;
    return next.handle();
  }
}
