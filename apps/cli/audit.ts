import { parseArgs } from 'node:util';
import { AsOfTime, connectorAsOf, ConnectorHistory, toAuditEvent, type AuditEntry } from '#audit';
import { loadStoreConfig } from '#config';
import { ENVIRONMENT_ID_PATTERN } from '#domain';
import { createEventStore, type EventStore } from '#event-store';
import { formatAuditEntry, writeAuditLog } from './audit-log.js';
import { formatConnectorState, formatTimeline, timelineRows } from './audit-output.js';
import { CliError, requireExistingEventStore, runCli } from './cli-support.js';

const HELP = `audit: who changed what and when, read straight from the event store.

Usage: npm run audit -- <environmentId> <appConnectorId> [--at <time>] [--json]
       npm run audit -- [--environment <id>] [--actor <name>] [--type <Type>]... [--from <time>] [--to <time>] [--ndjson]
       (or node dist/apps/cli/audit.js with the same arguments)

With <environmentId> <appConnectorId>: the history of that app connector, one line per event:
time, actor, version, event type and what changed.

Without them: every change of every connector, user, group and environment, in event-store order,
one line per event: position, time, actor, environment, event type and what changed. The filters
are optional and combined; values that match nothing print nothing.

Token hashes and other secrets are never shown.

Options for one connector:
  --at <time>           also print the connector as it was at this ISO-8601 time (with Z or an offset)
  --json                JSON lines instead: one sanitised event per line; with --at, a last line
                        {"at": <time>, "connector": <state>}
Options for all changes:
  --environment <id>    only changes in this environment
  --actor <name>        only changes by this actor (an admin key name, a user id, anonymous)
  --type <Type>         only events of this type, such as TokenGenerated; repeat it or separate
                        types by commas for any of several
  --from <time>         only changes at or after this ISO-8601 time
  --to <time>           only changes before this ISO-8601 time
  --ndjson              JSON lines instead: one entry per line, as GET /api/v1/audit/events/export gives
  -h, --help            this text

Reads DATA_DIR (and EVENT_STORE, EVENTSTOREDB_URL) like the service; safe while the service runs.
Exit code 1 for an unknown connector, bad arguments or configuration.
`;

const OPTIONS = {
  at: { type: 'string' },
  json: { type: 'boolean' },
  environment: { type: 'string' },
  actor: { type: 'string' },
  type: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  ndjson: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

const CONNECTOR_OPTIONS = ['at', 'json'] as const;
const LOG_OPTIONS = ['environment', 'actor', 'type', 'from', 'to', 'ndjson'] as const;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (positionals.length === 0) {
    const misplaced = CONNECTOR_OPTIONS.find((name) => values[name] !== undefined);
    if (misplaced) throw new CliError(`--${misplaced} needs <environmentId> <appConnectorId> (see --help)`);
    return listAll(values);
  }
  const misplaced = LOG_OPTIONS.find((name) => values[name] !== undefined);
  if (misplaced) throw new CliError(`--${misplaced} lists all changes: leave out <environmentId> <appConnectorId> (see --help)`);
  if (positionals.length !== 2) throw new CliError('expected <environmentId> <appConnectorId> (see --help)');
  const [environmentId, appConnectorId] = positionals as [string, string];
  const at = values.at === undefined ? undefined : parseTime('at', values.at);
  await withEventStore(async (store) => {
    const ref = { environmentId, appConnectorId };
    const history = await new ConnectorHistory(store).all(ref);
    const state = at && connectorAsOf(ref, history, { at });
    const lines = values.json
      ? [...history.map((event) => JSON.stringify(toAuditEvent(event))), ...(state ? [JSON.stringify({ at: at!.toISOString(), connector: state })] : [])]
      : [...formatTimeline(timelineRows(history)), ...(state ? ['', ...formatConnectorState(at!, state)] : [])];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}

async function listAll(values: Values): Promise<void> {
  if (values.environment !== undefined && !ENVIRONMENT_ID_PATTERN.test(values.environment)) {
    throw new CliError(`--environment ${JSON.stringify(values.environment)} is not an environment id (1 to 32 letters or digits)`);
  }
  const types = values.type?.flatMap((list) => list.split(',')).map((type) => type.trim());
  if (types?.some((type) => type === '')) throw new CliError('--type needs event type names such as TokenGenerated');
  const filter = {
    environmentId: values.environment,
    actor: values.actor,
    types,
    from: values.from === undefined ? undefined : parseTime('from', values.from),
    to: values.to === undefined ? undefined : parseTime('to', values.to),
  };
  if (filter.from && filter.to && filter.from > filter.to) throw new CliError('--from is after --to');
  const format = values.ndjson ? (entry: AuditEntry) => JSON.stringify(entry) : formatAuditEntry;
  await withEventStore((store) => writeAuditLog(store, filter, format, process.stdout));
}

async function withEventStore(use: (store: EventStore) => Promise<void>): Promise<void> {
  const config = loadStoreConfig(process.env);
  requireExistingEventStore(config);
  const store = await createEventStore(config.eventStore);
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

function parseTime(option: string, text: string): Date {
  if (!AsOfTime.safeParse(text).success) {
    throw new CliError(`--${option} ${JSON.stringify(text)} is not an ISO-8601 time such as 2025-03-01T12:00:00Z`);
  }
  return new Date(text);
}

runCli('audit', main);
