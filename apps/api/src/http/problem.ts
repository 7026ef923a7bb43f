import { HttpException } from '@nestjs/common';
import { DomainError } from '#domain';
import { WrongExpectedRevisionError } from '#event-store';
import { PreconditionFailedError } from '#application';

/** RFC 9457 problem details, the body of every error answer of the admin API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Raised by the validation pipe: the request is malformed; each field says why. `code` is
 * `validation_failed` unless a kind of mistake has a code of its own (`invalid_cursor`).
 */
export class ValidationFailedError extends Error {
  constructor(
    readonly errors: readonly FieldError[],
    readonly code = 'validation_failed',
  ) {
    super(`the request is not valid: ${errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; ')}`);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  408: 'Request Timeout', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 431: 'Request Header Fields Too Large',
  422: 'Unprocessable Content', 428: 'Precondition Required', 429: 'Too Many Requests', 500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const STATUS_OF_DOMAIN_KIND = { invalid: 400, not_found: 404, conflict: 409, rule_violated: 422 } as const;

export function problem(status: number, code: string, detail: string, errors?: readonly FieldError[]): Problem {
  return {
    type: `urn:app-connectors:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Maps anything thrown while handling a request to the problem the client sees. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ValidationFailedError) return problem(400, error.code, error.message, error.errors);
  if (error instanceof DomainError) {
    const errors = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return problem(STATUS_OF_DOMAIN_KIND[error.kind], error.code, error.message, errors);
  }
  if (error instanceof PreconditionFailedError) return problem(412, 'stale_version', error.message);
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, 'concurrent_write', 'another change to this resource was written at the same time: reload it and try again');
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const detail = typeof response === 'object' && response && 'message' in response ? String(response.message) : error.message;
    return problem(error.getStatus(), codeOfStatus(error.getStatus()), detail);
  }
  const status = statusOfFrameworkError(error);
  if (status) return problem(status, codeOfStatus(status), (error as Error).message);
  return problem(500, 'internal_error', 'the server failed to handle this request; the log has the details');
}

/** Fastify raises body-parsing errors (bad JSON, too large, wrong content type) with a 4xx statusCode. */
function statusOfFrameworkError(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function codeOfStatus(status: number): string {
  return (TITLES[status] ?? 'error').toLowerCase().replaceAll(' ', '_');
}
