import type { RecordedEvent } from '#event-store';
import { summarizeEvent } from './event-summary.js';

/**
 * One change in the audit log across connectors: who did what, when, from where, and in which
 * environment, with a one-line summary. It carries no event data at all, so no hash, key,
 * password or payload can reach an auditor through it; a connector's history shows the data.
 */
export interface AuditEntry {
  /** Global position in the event store: the log's order and its paging key. */
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly time: string;
  readonly actor: string;
  /** The client address the change came from (normalised when it was recorded); null for changes without one. */
  readonly sourceIp: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly environmentId: string | null;
  readonly summary: string;
}

export function auditEntryOf(event: RecordedEvent): AuditEntry {
  const { time, actor, sourceIp, correlationId, causationId } = event.metadata;
  const environmentId = event.data['environmentId'];
  return {
    position: event.position,
    eventId: event.id,
    streamId: event.streamId,
    type: event.type,
    time,
    actor,
    sourceIp: sourceIp ?? null,
    correlationId,
    causationId: causationId || null,
    environmentId: typeof environmentId === 'string' ? environmentId : null,
    summary: summarizeEvent(event),
  };
}

/** Which entries an audit query selects; every field optional, all of them combined. */
export interface AuditFilter {
  readonly environmentId?: string | undefined;
  readonly actor?: string | undefined;
  /** Any of these types; absent: every type. */
  readonly types?: readonly string[] | undefined;
  /** Inclusive. */
  readonly from?: Date | undefined;
  /** Exclusive. */
  readonly to?: Date | undefined;
}

/** The filter on one entry, for readers that walk the event log themselves (the auditor CLI). */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  const time = Date.parse(entry.time);
  return (
    (filter.environmentId === undefined || entry.environmentId === filter.environmentId) &&
    (filter.actor === undefined || entry.actor === filter.actor) &&
    (filter.types === undefined || filter.types.includes(entry.type)) &&
    (filter.from === undefined || time >= filter.from.getTime()) &&
    (filter.to === undefined || time < filter.to.getTime())
  );
}
