import { z } from 'zod';

/** The keyset position a page ends at: the last item's creation time and id. */
export interface PageEnd {
  readonly createdAt: string;
  readonly id: string;
}

/** A cursor this list did not give out; the HTTP layer answers 400 `invalid_cursor`. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

// The order travels in the cursor, so that a cursor of another ordering is refused, not misread.
const ORDER = ['createdAt', 'asc'] as const;

const encodePageEnd = ({ createdAt, id }: PageEnd): string =>
  Buffer.from(JSON.stringify([...ORDER, createdAt, id])).toString('base64url');

// Every part is checked: a cursor comes from the client, and its values are bound into a query
// (an object there would be a MongoDB operator).
const CURSOR = z.tuple([z.literal(ORDER[0]), z.literal(ORDER[1]), z.string(), z.string()]);

export function decodePageEnd(cursor: string | null): PageEnd | null {
  if (cursor === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('malformed cursor');
  }
  const parts = CURSOR.safeParse(json);
  if (!parts.success) throw new InvalidCursorError('malformed cursor');
  return { createdAt: parts.data[2], id: parts.data[3] };
}

/** The page of `limit` items from rows fetched with one extra, which tells whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, endOf: (row: T) => PageEnd): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodePageEnd(endOf(items.at(-1)!)) : null };
}
