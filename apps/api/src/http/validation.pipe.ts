import { StandardSchemaValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './problem.js';

type Issue = { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> };

const fieldOf = (issue: Issue) =>
  (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');

/** The 400 for a schema's issues: one field error per issue. */
export const validationFailed = (issues: readonly Issue[]) =>
  new ValidationFailedError(issues.map((issue) => ({ field: fieldOf(issue), message: issue.message })));

/** Nest's standard-schema pipe (zod schemas on @Body/@Query/@Param), answering with field errors. */
export function createValidationPipe() {
  return new StandardSchemaValidationPipe({ exceptionFactory: (issues) => validationFailed(issues as readonly Issue[]) });
}
