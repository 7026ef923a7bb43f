import type { Document, Filter, Sort } from 'mongodb';
import type { FindQuery } from '../read-store.port.js';
import { decodeCursor, orderingOf, type CursorPosition, type Ordering } from '../query/cursor.js';

export interface MongoFind {
  readonly filter: Filter<Document>;
  readonly sort: Sort;
  /** One more than the page size, to tell whether another page exists. */
  readonly limit: number | undefined;
}

/** The same semantics as the SQLite SQL builder; MongoDB also sorts null/missing first ascending. */
export function buildMongoFind(query: FindQuery): MongoFind {
  const ordering = orderingOf(query);
  const conditions: Filter<Document>[] = [];
  for (const [field, value] of Object.entries(query.where ?? {})) conditions.push({ [field]: value });
  if (query.search) {
    conditions.push({ [query.search.field]: { $regex: escapeRegex(query.search.text), $options: 'i' } });
  }
  const cursor = decodeCursor(ordering, query.after);
  if (cursor) conditions.push(keysetFilter(ordering, cursor));
  const direction = ordering.direction === 'asc' ? 1 : -1;
  const sort: Sort = ordering.byIdOnly ? { _id: direction } : { [ordering.field]: direction, _id: direction };
  return {
    filter: conditions.length ? { $and: conditions } : {},
    sort,
    limit: query.limit === undefined ? undefined : query.limit + 1,
  };
}

function keysetFilter(ordering: Ordering, cursor: CursorPosition): Filter<Document> {
  const beyond = ordering.direction === 'asc' ? '$gt' : '$lt';
  if (ordering.byIdOnly) return { _id: { [beyond]: cursor.id } };
  const field = ordering.field;
  if (cursor.value === null) {
    const tie = { [field]: null, _id: { [beyond]: cursor.id } };
    return ordering.direction === 'asc' ? { $or: [{ [field]: { $ne: null } }, tie] } : tie;
  }
  const strict = [{ [field]: { [beyond]: cursor.value } }, { [field]: cursor.value, _id: { [beyond]: cursor.id } }];
  return { $or: ordering.direction === 'asc' ? strict : [...strict, { [field]: null }] };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
