import { notFound } from '#domain';
import { ENVIRONMENTS, InvalidQueryError, type DocumentReader, type FindQuery, type PositionedDocument } from '#read-model';
import { decodePageCursor, encodePageCursor, invalidCursor } from './page-cursor.js';

export interface Page<View> {
  readonly items: View[];
  readonly nextCursor: string | null;
  /** How fresh the answer is: every event up to here is in it. */
  readonly position: number;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/**
 * One page of a list answer. Lists are ordered by creation time, then document id: neither ever
 * changes, so paging while others write never skips or repeats a document.
 */
export async function readPage<Doc extends PositionedDocument, View>(
  store: DocumentReader,
  list: { readonly name: string; readonly collection: string },
  query: Pick<FindQuery, 'where' | 'search'> & PageRequest,
  view: (document: Doc) => View,
  position: number,
): Promise<Page<View>> {
  const after = decodePageCursor(list.name, query.cursor);
  try {
    const page = await store.find<Doc>(list.collection, {
      where: query.where,
      search: query.search,
      orderBy: { field: 'createdAt', valueType: 'string' },
      limit: query.limit,
      after,
    });
    return { items: page.items.map(view), nextCursor: encodePageCursor(list.name, page.nextCursor), position };
  } catch (error) {
    // The one query error a client can cause: a cursor that decodes but the store does not accept.
    if (error instanceof InvalidQueryError && after !== null) throw invalidCursor();
    throw error;
  }
}

export async function requireEnvironment(store: DocumentReader, environmentId: string): Promise<void> {
  if (!(await store.get(ENVIRONMENTS, environmentId))) {
    throw notFound('environment_not_found', `environment ${environmentId} does not exist`);
  }
}

/** The stored document without the store's bookkeeping. */
export function withoutStoreFields<Doc extends PositionedDocument>({ _id, lastPosition, ...fields }: Doc): Omit<Doc, '_id' | 'lastPosition'> {
  return fields;
}
