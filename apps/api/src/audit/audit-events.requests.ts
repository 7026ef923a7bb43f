import { z } from 'zod';
import { AsOfTime, type AuditFilter } from '#audit';
import { environmentIdParam } from '../http/admin-api.decorators.js';
import { queryParams, wholeNumberParam } from '../queries/query-params.js';

const MAX_TYPES = 50;

/** `type=A&type=B`, `type=A,B` or both: the distinct names, each of them a possible event type name. */
const typesParam = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => [...new Set((Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')).map((name) => name.trim()))])
  .pipe(z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,99}$/, 'an event type is a name such as TokenGenerated')).min(1).max(MAX_TYPES))
  .describe(`event types, such as TokenGenerated: repeat the parameter (type=A&type=B) or separate them by commas (type=A,B), up to ${MAX_TYPES}; any of them matches`);

const filterShape = {
  environmentId: environmentIdParam.optional().describe('only changes in this environment'),
  actor: z.string().min(1).max(200).optional().describe('only changes by this actor (an admin key name, a user id, `anonymous`)'),
  type: typesParam.optional(),
  from: AsOfTime.optional().describe('only changes at or after this ISO-8601 time (with Z or an offset)'),
  to: AsOfTime.optional().describe('only changes before this ISO-8601 time (exclusive)'),
};

const fromNotAfterTo = (query: { from?: string | undefined; to?: string | undefined }) =>
  query.from === undefined || query.to === undefined || Date.parse(query.from) <= Date.parse(query.to);
const FROM_AFTER_TO = { message: 'from is after to', path: ['from'] };

export const AuditEventsQuery = queryParams({
  ...filterShape,
  limit: wholeNumberParam.pipe(z.number().min(1).max(1000)).default(100).describe('entries per page, 1 to 1000 (default 100)'),
  cursor: z.string().max(40).optional().describe('`nextCursor` of the previous page; absent for the first page'),
}).refine(fromNotAfterTo, FROM_AFTER_TO);

export const AuditExportQuery = queryParams(filterShape).refine(fromNotAfterTo, FROM_AFTER_TO);

export function auditFilterOf(query: z.infer<typeof AuditExportQuery>): AuditFilter {
  return {
    environmentId: query.environmentId,
    actor: query.actor,
    types: query.type,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
  };
}
