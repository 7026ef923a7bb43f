import { appConnectorView, type AppConnectorView } from './connector-view.js';
import {
  appConnectorDecider,
  appConnectorStreamName,
  notFound,
  type AppConnectorEvent,
  type AppConnectorState,
  type DomainError,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { sanitizeEventData } from './sanitize-event-data.js';

/**
 * The audit side of an app connector, read straight from its event stream (never from a read model,
 * which may lag or be rebuilt): its history as auditors see it, and its state at a past moment.
 * Shared by the HTTP audit views and the auditor CLI.
 */

export interface ConnectorRef {
  readonly environmentId: string;
  readonly appConnectorId: string;
}

/** One event as the audit views show it: metadata flattened, hashes and secrets removed. */
export interface AuditEvent {
  /** Stream version after this event (revision + 1), as in ETags and command answers. */
  readonly version: number;
  readonly position: number;
  readonly time: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly sourceIp: string | null;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface HistoryPage {
  readonly items: AuditEvent[];
  /** Revision to pass as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** A version is a stream's event count after a change; `at` takes the newest state not after that time. */
export type AsOf = { readonly at: Date } | { readonly version: number };

export type ConnectorAsOf = AppConnectorView & {
  /** Time and actor of the change that produced this version. */
  readonly changedAt: string;
  readonly changedBy: string;
};

export function toAuditEvent(recorded: RecordedEvent): AuditEvent {
  const { time, actor, correlationId, causationId, sourceIp } = recorded.metadata;
  return {
    version: recorded.revision + 1,
    position: recorded.position,
    time,
    actor,
    correlationId,
    causationId,
    sourceIp,
    type: recorded.type,
    data: sanitizeEventData(recorded.data),
  };
}

const toConnectorEvent = (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as unknown as AppConnectorEvent;

const connectorNotFound = (ref: ConnectorRef): DomainError =>
  notFound('app_connector_not_found', `app connector ${ref.appConnectorId} does not exist in environment ${ref.environmentId}`);

/** The connector as it was after the events `asOf` selects from its full, revision-ordered history. */
export function connectorAsOf(ref: ConnectorRef, history: readonly RecordedEvent[], asOf: AsOf): ConnectorAsOf {
  if (history.length === 0) throw connectorNotFound(ref);
  if ('version' in asOf && asOf.version > history.length) {
    throw notFound('version_not_found', `app connector ${ref.appConnectorId} has ${history.length} version(s); version ${asOf.version} does not exist`);
  }
  const applied = 'version' in asOf ? history.slice(0, asOf.version) : prefixNotAfter(history, asOf.at);
  const state = applied.map(toConnectorEvent).reduce(appConnectorDecider.evolve, appConnectorDecider.initialState());
  const last = applied.at(-1);
  if (state === null || last === undefined) {
    const when = 'version' in asOf ? `at version ${asOf.version}` : `at ${asOf.at.toISOString()}`;
    throw notFound('app_connector_not_yet_created', `app connector ${ref.appConnectorId} did not exist yet ${when}; it was created at ${history[0]!.metadata.time}`);
  }
  return { ...appConnectorView(state, { version: applied.length, position: last.position }), changedAt: last.metadata.time, changedBy: last.metadata.actor };
}

// The longest prefix rather than every event up to `at`: clocks of concurrent writers may disagree by
// a little, and only a prefix of the stream is a state the connector really had.
function prefixNotAfter(history: readonly RecordedEvent[], at: Date): readonly RecordedEvent[] {
  const end = history.findIndex((event) => Date.parse(event.metadata.time) > at.getTime());
  return end === -1 ? history : history.slice(0, end);
}

/** The connector's state before each event, for summaries that name what an event changed. */
export function statesBefore(history: readonly RecordedEvent[]): AppConnectorState[] {
  const states: AppConnectorState[] = [];
  let state = appConnectorDecider.initialState();
  for (const event of history) {
    states.push(state);
    state = appConnectorDecider.evolve(state, toConnectorEvent(event));
  }
  return states;
}

/** The connector's reads from an event store: history by pages, and time travel. */
export class ConnectorHistory {
  constructor(private readonly store: Pick<EventStore, 'readStream'>) {}

  async page(ref: ConnectorRef, page: { readonly cursor: number; readonly limit: number }): Promise<HistoryPage> {
    const stream = appConnectorStreamName(ref.environmentId, ref.appConnectorId);
    // One extra event tells whether another page follows without a second query.
    const events = await this.store.readStream(stream, { fromRevision: page.cursor, maxCount: page.limit + 1 });
    if (events.length === 0 && (page.cursor === 0 || (await this.store.readStream(stream, { maxCount: 1 })).length === 0)) {
      throw connectorNotFound(ref);
    }
    const items = events.slice(0, page.limit).map(toAuditEvent);
    return { items, nextCursor: events.length > page.limit ? String(events[page.limit]!.revision) : null };
  }

  /** Every event in revision order (unsanitised: callers sanitise what they show). */
  async all(ref: ConnectorRef): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(appConnectorStreamName(ref.environmentId, ref.appConnectorId));
    if (events.length === 0) throw connectorNotFound(ref);
    return events;
  }

  async asOf(ref: ConnectorRef, asOf: AsOf): Promise<ConnectorAsOf> {
    return connectorAsOf(ref, await this.all(ref), asOf);
  }
}
