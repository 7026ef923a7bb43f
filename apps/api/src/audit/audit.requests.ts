import { z } from 'zod';
import { AsOfTime, type AsOf } from '#audit';
import { invalidCursor } from '../queries/page-cursor.js';
import { wholeNumberParam } from '../queries/query-params.js';

export const HistoryQuery = z.strictObject({
  limit: wholeNumberParam.pipe(z.number().min(1).max(500)).default(100).describe('events per page, 1 to 500 (default 100)'),
  cursor: z.string().max(20).optional().describe('nextCursor of the previous page; absent for the first page'),
});

/** The revision a history page starts at: 0, or the nextCursor of a page; anything else is 400 `invalid_cursor`. */
export function historyStart(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw invalidCursor();
  return Number(cursor);
}

export const AsOfQuery = z
  .strictObject({
    at: AsOfTime.optional(),
    version: wholeNumberParam.pipe(z.number().min(1)).optional().describe('a version (event count) the connector had'),
  })
  .refine((query) => (query.at === undefined) !== (query.version === undefined), {
    message: 'give exactly one of at and version',
    path: ['at'],
  })
  .transform((query): AsOf => (query.version !== undefined ? { version: query.version } : { at: new Date(query.at!) }));
