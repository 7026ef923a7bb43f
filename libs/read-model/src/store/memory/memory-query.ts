import type { FindPage, FindQuery, JsonScalar, ReadDocument } from '../read-store.port.js';
import { decodeCursor, encodeCursor, orderingOf, type Ordering } from '../query/cursor.js';
import { valueAtPath } from '../query/query-validation.js';

/** Filters, orders and pages documents in memory with the same semantics as the SQLite adapter. */
export function queryDocuments<T extends ReadDocument>(documents: Iterable<T>, query: FindQuery): FindPage<T> {
  const ordering = orderingOf(query);
  const cursor = decodeCursor(ordering, query.after);
  const matches = [...documents].filter((document) => matchesWhere(document, query) && matchesSearch(document, query));
  const sign = ordering.direction === 'asc' ? 1 : -1;
  const keyOf = (document: T): [unknown, string] => [sortValue(document, ordering), document._id];
  matches.sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
  const afterCursor = cursor
    ? matches.filter((document) => sign * compareKeys(keyOf(document), [cursor.value, cursor.id]) > 0)
    : matches;
  if (query.limit === undefined || afterCursor.length <= query.limit) return { items: afterCursor, nextCursor: null };
  const items = afterCursor.slice(0, query.limit);
  return { items, nextCursor: encodeCursor(ordering, items[items.length - 1]!) };
}

function matchesWhere(document: ReadDocument, query: FindQuery): boolean {
  return Object.entries(query.where ?? {}).every(([field, expected]) => sameScalar(valueAtPath(document, field), expected));
}

function matchesSearch(document: ReadDocument, query: FindQuery): boolean {
  if (!query.search) return true;
  const value = valueAtPath(document, query.search.field);
  return containsIgnoringCase(value, query.search.text);
}

/** Shared with the SQLite adapter (registered there as a SQL function) so both fold case alike. */
export function containsIgnoringCase(haystack: unknown, needle: string): boolean {
  return typeof haystack === 'string' && haystack.toLowerCase().includes(needle.toLowerCase());
}

function sameScalar(actual: unknown, expected: JsonScalar): boolean {
  return actual === expected;
}

function sortValue(document: ReadDocument, ordering: Ordering): unknown {
  return ordering.byIdOnly ? null : valueAtPath(document, ordering.field);
}

function compareKeys([valueA, idA]: [unknown, string], [valueB, idB]: [unknown, string]): number {
  return compareValues(valueA, valueB) || compareUtf8(idA, idB);
}

// SQLite and MongoDB put null before numbers before strings, and compare strings as UTF-8 bytes.
function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (rankA === 1) return Number(a) - Number(b);
  if (rankA === 2) return compareUtf8(a as string, b as string);
  return 0;
}

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number' || typeof value === 'boolean') return 1;
  return 2;
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
