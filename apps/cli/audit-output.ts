import { statesBefore, summarizeChange, toAuditEvent, type AuditEvent, type ConnectorAsOf } from '#audit';
import type { RecordedEvent } from '#event-store';

export interface TimelineRow {
  readonly event: AuditEvent;
  readonly summary: string;
}

export function timelineRows(history: readonly RecordedEvent[]): TimelineRow[] {
  const before = statesBefore(history);
  return history.map((event, index) => ({ event: toAuditEvent(event), summary: summarizeChange(event, before[index]!) }));
}

/** `time  actor  vN  Type  summary`, columns aligned over the whole timeline. */
export function formatTimeline(rows: readonly TimelineRow[]): string[] {
  const width = (pick: (row: TimelineRow) => string) => Math.max(0, ...rows.map((row) => pick(row).length));
  const actorWidth = width((row) => row.event.actor);
  const versionWidth = width((row) => `v${row.event.version}`);
  const typeWidth = width((row) => row.event.type);
  return rows.map(({ event, summary }) =>
    [event.time, event.actor.padEnd(actorWidth), `v${event.version}`.padEnd(versionWidth), event.type.padEnd(typeWidth), summary].join('  '),
  );
}

const listOrNone = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : '(none)');

export function formatConnectorState(at: Date, view: ConnectorAsOf): string[] {
  const fields: [string, string][] = [
    ['description', view.description],
    ['api key', view.apiKey],
    ['blocked', view.blocked ? 'yes' : 'no'],
    ['user group', view.userGroupId],
    ['GetConnectors', listOrNone(view.getConnectors)],
    ['UpdateConnectors', listOrNone(view.updateConnectors)],
    ['special connectors', listOrNone(view.specialConnectors)],
    ['IP restrictions', listOrNone(view.ipRestrictions.map((line) => `${line.access} ${line.cidr}`))],
    ['tokens', listOrNone(view.tokens.map((token) => `${token.hint} for ${token.userId} (${token.description}${token.revoked ? ', revoked' : ''})`))],
  ];
  return [
    `State at ${at.toISOString()}: version ${view.version}, changed ${view.changedAt} by ${view.changedBy}`,
    ...fields.map(([name, value]) => `  ${name.padEnd(18)}  ${value}`),
  ];
}
