import { z } from 'zod';
import type { FindQuery, JsonScalar, ReadDocument } from '../read-store.port.js';
import { InvalidQueryError } from '../read-store.errors.js';
import { valueAtPath } from './query-validation.js';

/** Keyset position: the order field's value and the `_id` of the last item of a page. */
export interface CursorPosition {
  readonly value: JsonScalar;
  readonly id: string;
}

export interface Ordering {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
  /** True when ordering by `_id` alone (no separate order field). */
  readonly byIdOnly: boolean;
  readonly valueType: 'string' | 'number' | undefined;
}

export function orderingOf(query: FindQuery): Ordering {
  const field = query.orderBy?.field ?? '_id';
  return { field, direction: query.orderBy?.direction ?? 'asc', byIdOnly: field === '_id', valueType: query.orderBy?.valueType };
}

// The field name travels in the cursor so that a cursor from another ordering is rejected, not misread.
export function encodeCursor(ordering: Ordering, last: ReadDocument): string {
  const value = ordering.byIdOnly ? null : (valueAtPath(last, ordering.field) as JsonScalar);
  return Buffer.from(JSON.stringify([ordering.field, ordering.direction, value, last._id])).toString('base64url');
}

// Every part is checked: a cursor comes back from the client, and an adapter binds its value into a
// query (an object there would be a MongoDB operator, or a driver error).
const CURSOR_PARTS = z.tuple([
  z.string(),
  z.enum(['asc', 'desc']),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
  z.string(),
]);

export function decodeCursor(ordering: Ordering, cursor: string | null | undefined): CursorPosition | null {
  if (!cursor) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidQueryError('malformed cursor');
  }
  const parts = CURSOR_PARTS.safeParse(json);
  if (!parts.success) throw new InvalidQueryError('malformed cursor');
  const [field, direction, value, id] = parts.data;
  if (field !== ordering.field || direction !== ordering.direction) {
    throw new InvalidQueryError('cursor belongs to another ordering');
  }
  if (!valueFits(ordering, value)) throw new InvalidQueryError(`cursor value does not fit ${ordering.field}`);
  return { value, id };
}

// Ordering by `_id` alone carries no value; a declared value type admits that type and null (missing).
const valueFits = (ordering: Ordering, value: JsonScalar) =>
  ordering.byIdOnly ? value === null : value === null || ordering.valueType === undefined || typeof value === ordering.valueType;
