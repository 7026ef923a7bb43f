import { once } from 'node:events';
import { auditEntryOf, matchesAuditFilter, type AuditEntry, type AuditFilter } from '#audit';
import type { EventStore } from '#event-store';

const PAGE_SIZE = 1000;

/** `position  time  actor  environment  type  summary`, one line per change. */
export const formatAuditEntry = (entry: AuditEntry) =>
  [entry.position, entry.time, entry.actor, entry.environmentId ?? '-', entry.type, entry.summary].join('  ');

/**
 * Every change the filter selects, in event-store order, written as it is read: one pass over the
 * event log, a page at a time, waiting whenever the output is full (a pager, a slow pipe).
 */
export async function writeAuditLog(
  store: Pick<EventStore, 'readAll'>,
  filter: AuditFilter,
  format: (entry: AuditEntry) => string,
  output: NodeJS.WritableStream,
): Promise<void> {
  let after = 0;
  for (;;) {
    const events = await store.readAll({ after, maxCount: PAGE_SIZE });
    if (events.length === 0) return;
    after = events.at(-1)!.position;
    const lines = events.map(auditEntryOf).filter((entry) => matchesAuditFilter(entry, filter)).map((entry) => `${format(entry)}\n`);
    if (lines.length > 0 && !output.write(lines.join(''))) await once(output, 'drain');
  }
}
