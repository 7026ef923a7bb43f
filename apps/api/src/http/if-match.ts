import { ValidationFailedError } from './problem.js';

/** `If-Match: "3"` (or W/"3") → 3; absent → undefined. A version is the stream's event count. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (value === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(value) ?? /^(\d{1,15})$/.exec(value);
  if (!match) {
    throw new ValidationFailedError([{ field: 'If-Match', message: 'must be an ETag this API returned, such as "3"' }]);
  }
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;
