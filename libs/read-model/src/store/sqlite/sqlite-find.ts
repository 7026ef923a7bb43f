import type { FindQuery, JsonScalar } from '../read-store.port.js';
import { decodeCursor, orderingOf, type CursorPosition, type Ordering } from '../query/cursor.js';
import { fieldExpression } from './sqlite-schema.js';

export interface SqlQuery {
  readonly sql: string;
  readonly params: unknown[];
}

/** json_extract yields 1/0 for JSON booleans, so booleans are bound as numbers. */
function bindable(value: JsonScalar): unknown {
  return typeof value === 'boolean' ? Number(value) : value;
}

/** SELECT for one page; it asks for one row more than `limit` to tell whether another page exists. */
export function buildFindQuery(table: string, query: FindQuery): SqlQuery {
  const ordering = orderingOf(query);
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(query.where ?? {})) {
    if (value === null) conditions.push(`${fieldExpression(field)} IS NULL`);
    else {
      conditions.push(`${fieldExpression(field)} = ?`);
      params.push(bindable(value));
    }
  }
  if (query.search) {
    conditions.push(`rm_contains_ci(${fieldExpression(query.search.field)}, ?)`);
    params.push(query.search.text);
  }
  const cursor = decodeCursor(ordering, query.after);
  if (cursor) conditions.push(keysetCondition(ordering, cursor, params));

  const direction = ordering.direction === 'asc' ? 'ASC' : 'DESC';
  const orderBy = ordering.byIdOnly
    ? `_id ${direction}`
    : `${fieldExpression(ordering.field)} ${direction}, _id ${direction}`;
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const limit = query.limit === undefined ? '' : `LIMIT ${query.limit + 1}`;
  return { sql: `SELECT doc FROM "${table}" ${where} ORDER BY ${orderBy} ${limit}`, params };
}

// Rows strictly after (value, id) in the ordering. SQLite sorts NULL first ascending and last
// descending, which is also MongoDB's order, so descending is "tuple below the cursor".
function keysetCondition(ordering: Ordering, cursor: CursorPosition, params: unknown[]): string {
  const idComparison = ordering.direction === 'asc' ? '>' : '<';
  if (ordering.byIdOnly) {
    params.push(cursor.id);
    return `_id ${idComparison} ?`;
  }
  const field = fieldExpression(ordering.field);
  if (cursor.value === null) {
    params.push(cursor.id);
    const tie = `(${field} IS NULL AND _id ${idComparison} ?)`;
    return ordering.direction === 'asc' ? `(${field} IS NOT NULL OR ${tie})` : tie;
  }
  const value = bindable(cursor.value);
  params.push(value, value, cursor.id);
  const strict = `${field} ${idComparison} ? OR (${field} = ? AND _id ${idComparison} ?)`;
  return ordering.direction === 'asc' ? `(${strict})` : `(${field} IS NULL OR ${strict})`;
}
