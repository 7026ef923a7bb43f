import { ValidationFailedError } from '../http/problem.js';

/**
 * A page cursor as clients see it: `<list>.<store cursor>`. Naming the list turns a cursor pasted
 * into another list into a 400 instead of a page that starts somewhere arbitrary. The store cursor
 * (base64url) stays opaque here; the store checks the rest, and its refusal becomes the same 400.
 */
export function encodePageCursor(list: string, storeCursor: string | null): string | null {
  return storeCursor === null ? null : `${list}.${storeCursor}`;
}

export function decodePageCursor(list: string, cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const prefix = `${list}.`;
  const storeCursor = cursor.startsWith(prefix) ? cursor.slice(prefix.length) : '';
  if (!/^[A-Za-z0-9_-]+$/.test(storeCursor)) throw invalidCursor();
  return storeCursor;
}

/** Any cursor this list did not give out, whichever part of it is wrong: 400 `invalid_cursor`. */
export const invalidCursor = () =>
  new ValidationFailedError([{ field: 'cursor', message: 'is not a nextCursor of this list; start again without a cursor' }], 'invalid_cursor');
