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
}

export function orderingOf(query: FindQuery): Ordering {
  const field = query.orderBy?.field ?? '_id';
  return { field, direction: query.orderBy?.direction ?? 'asc', byIdOnly: field === '_id' };
}

// The field name travels in the cursor so that a cursor from another ordering is rejected, not misread.
export function encodeCursor(ordering: Ordering, last: ReadDocument): string {
  const value = ordering.byIdOnly ? null : (valueAtPath(last, ordering.field) as JsonScalar);
  return Buffer.from(JSON.stringify([ordering.field, ordering.direction, value, last._id])).toString('base64url');
}

export function decodeCursor(ordering: Ordering, cursor: string | null | undefined): CursorPosition | null {
  if (!cursor) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidQueryError('malformed cursor');
  }
  if (!Array.isArray(parts) || parts.length !== 4 || typeof parts[3] !== 'string') {
    throw new InvalidQueryError('malformed cursor');
  }
  const [field, direction, value, id] = parts as [unknown, unknown, JsonScalar, string];
  if (field !== ordering.field || direction !== ordering.direction) {
    throw new InvalidQueryError('cursor belongs to another ordering');
  }
  return { value, id };
}
