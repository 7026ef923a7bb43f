import { StandardSchemaValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './problem.js';

type Issue = { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> };

const fieldOf = (issue: Issue) =>
  (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');

/** Nest's standard-schema pipe (zod schemas on @Body/@Query/@Param), answering with field errors. */
export function createValidationPipe() {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      new ValidationFailedError(issues.map((issue: Issue) => ({ field: fieldOf(issue), message: issue.message }))),
  });
}
