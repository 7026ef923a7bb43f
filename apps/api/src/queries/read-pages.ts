import { notFound } from '#domain';
import { InvalidCursorError, type Page as StorePage, type PageRequest, type ReadModelQueries } from '#read-model';
import { decodePageCursor, encodePageCursor, invalidCursor } from './page-cursor.js';

export interface Page<View> {
  readonly items: View[];
  readonly nextCursor: string | null;
  /** How fresh the answer is: every event up to here is in it. */
  readonly position: number;
}

export interface ListQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** One page of a list answer, its cursor naming the list. */
export async function readPage<Doc, View>(
  list: string,
  query: ListQuery,
  read: (page: PageRequest) => Promise<StorePage<Doc>>,
  view: (document: Doc) => View,
  position: number,
): Promise<Page<View>> {
  const after = decodePageCursor(list, query.cursor);
  try {
    const page = await read({ limit: query.limit, after });
    return { items: page.items.map(view), nextCursor: encodePageCursor(list, page.nextCursor), position };
  } catch (error) {
    // The one query error a client can cause: a cursor that decodes but the store does not accept.
    if (error instanceof InvalidCursorError) throw invalidCursor();
    throw error;
  }
}

export async function requireEnvironment(store: ReadModelQueries, environmentId: string): Promise<void> {
  if (!(await store.environment(environmentId))) {
    throw notFound('environment_not_found', `environment ${environmentId} does not exist`);
  }
}
