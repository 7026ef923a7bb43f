import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProfitError, REFUSALS } from '#guard';

const logger = new Logger('profit');

/** Every error of the Profit surface in Profit's shape, `{externalMessage, errorNumber, profitLogReference}`. */
@Catch()
export class ProfitExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendProfitError(host.switchToHttp().getResponse<FastifyReply>(), asProfitError(exception));
  }
}

export function sendProfitError(reply: FastifyReply, error: ProfitError): void {
  reply.status(error.getStatus()).header('content-type', 'application/json; charset=utf-8').send(error.body);
}

/**
 * The guard logs its refusals (the codes of `REFUSALS`) with their reference itself; everything
 * else is logged here, so that every reference a client can show is in the log.
 */
function asProfitError(exception: unknown): ProfitError {
  if (exception instanceof ProfitError) {
    if (!Object.hasOwn(REFUSALS, exception.code)) {
      logger.log({ msg: 'profit call refused', code: exception.code, profitLogReference: exception.body.profitLogReference });
    }
    return exception;
  }
  const status = exception instanceof HttpException ? exception.getStatus() : 500;
  const message = status < 500 && exception instanceof Error ? exception.message : 'The request could not be handled';
  const error = new ProfitError(status, message, 'unexpected');
  logger.error({ msg: 'profit call failed', profitLogReference: error.body.profitLogReference, err: describe(exception) });
  return error;
}

function describe(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
}
