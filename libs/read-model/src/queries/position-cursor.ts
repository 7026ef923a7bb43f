import { InvalidCursorError } from './page-cursor.js';

/**
 * The cursor of the audit log: the position of a page's last entry, in decimal. Positions never
 * change and the log is in position order, so paging while others write never skips or repeats.
 */
export function decodePositionCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw new InvalidCursorError('malformed cursor');
  return Number(cursor);
}

/** The page of `limit` entries from rows fetched with one extra, which tells whether another page exists. */
export function positionPageOf<T extends { readonly position: number }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items.at(-1)!.position) : null };
}
