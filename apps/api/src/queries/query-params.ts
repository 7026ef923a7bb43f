import { z } from 'zod';
import { ValidationFailedError } from '../http/problem.js';

const MAX_PAGE_SIZE = 200;

/**
 * A whole number in a query string: decimal digits only. `z.coerce.number()` would also read
 * `0x10`, `1e1`, ` 16` and `16.0` as 16, numbers that no client of this API writes.
 */
export const wholeNumberParam = z.string().regex(/^\d{1,15}$/, 'must be a whole number in decimal digits, such as 42').transform(Number);

/** A global event position, as command answers give it (`position`). */
const minPositionParam = wholeNumberParam.describe(
  'read-your-writes: wait until the read models include this position (a command answer\'s `position`); also header X-Min-Position',
);

const limitParam = wholeNumberParam.pipe(z.number().min(1).max(MAX_PAGE_SIZE)).default(50).describe(`page size, 1 to ${MAX_PAGE_SIZE} (default 50)`);
const cursorParam = z.string().max(1000).describe('`nextCursor` of the previous page');
export const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true');
export const searchParam = z.string().trim().min(1).max(100);

export const pageParams = { limit: limitParam, cursor: cursorParam.optional() };

/**
 * The query-string schema of a read route: its own parameters plus `minPosition` (read by
 * ReadYourWritesInterceptor), anything else refused with 400 so that a typo is not silently
 * ignored. `passOn` names parameters that another layer handles on the same route; they are
 * neither declared nor refused here.
 */
export function queryParams<Shape extends z.ZodRawShape>(shape: Shape, passOn: readonly string[] = []) {
  const known = new Set([...Object.keys(shape), 'minPosition', ...passOn]);
  return z.looseObject({ ...shape, minPosition: minPositionParam.optional() }).superRefine((value, context) => {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) context.addIssue({ code: 'custom', path: [key], message: 'is not a parameter of this route' });
    }
  });
}

/**
 * The position a request wants to read at least, from `?minPosition=` or `X-Min-Position`; the
 * larger one when both are sent. Malformed values are a 400, not a silent "no wait".
 */
export function minPositionOf(query: unknown, header: string | string[] | undefined): number | undefined {
  const fromQuery = parsePosition('minPosition', (query as Record<string, unknown> | undefined)?.['minPosition']);
  const fromHeader = parsePosition('X-Min-Position', header);
  if (fromQuery === undefined) return fromHeader;
  return fromHeader === undefined ? fromQuery : Math.max(fromQuery, fromHeader);
}

function parsePosition(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const parsed = wholeNumberParam.safeParse(value);
  if (!parsed.success) throw new ValidationFailedError([{ field, message: 'must be one whole number such as 42' }]);
  return parsed.data;
}
