import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's own messages go to the same JSON log as Fastify's request lines. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, context?: string) {
    this.pino.info(entry(message, context));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.pino.error({ ...entry(message, context), ...(trace ? { trace } : {}) });
  }
  warn(message: unknown, context?: string) {
    this.pino.warn(entry(message, context));
  }
  debug(message: unknown, context?: string) {
    this.pino.debug(entry(message, context));
  }
  verbose(message: unknown, context?: string) {
    this.pino.trace(entry(message, context));
  }
}

function entry(message: unknown, context?: string): Record<string, unknown> {
  const body = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
  return context ? { context, ...body } : body;
}
