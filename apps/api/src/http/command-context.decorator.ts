import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '#application';
import type { AdminRequest } from '../admin-auth/admin-auth.guard.js';
import { parseIfMatch } from './if-match.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The event metadata a command carries: actor from the admin key, correlation id from
 * `X-Correlation-Id` (or this request's id), causation id = this request's id, the normalised
 * client address that `checkAdminKeyBeforeBody` resolved, and If-Match.
 */
export const CommandCtx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AdminRequest>();
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : request.id;
  const expectedVersion = parseIfMatch(request.headers['if-match']);
  return {
    actor: request.actor ?? 'anonymous',
    correlationId,
    causationId: request.id,
    sourceIp: request.sourceIp ?? null,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
    ...(request.idempotentExecution ? { idempotency: request.idempotentExecution } : {}),
  };
});
