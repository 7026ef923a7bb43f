import { parseArgs } from 'node:util';
import { AsOfTime, connectorAsOf, ConnectorHistory, toAuditEvent } from '#audit';
import { loadStoreConfig } from '#config';
import { createEventStore } from '#event-store';
import { formatConnectorState, formatTimeline, timelineRows } from './audit-output.js';
import { CliError, requireExistingEventStore, runCli } from './cli-support.js';

const HELP = `audit: the history of one app connector, read straight from the event store.

Usage: npm run audit -- <environmentId> <appConnectorId> [--at <time>] [--json]
       node dist/apps/cli/audit.js <environmentId> <appConnectorId> [--at <time>] [--json]

Prints one line per event: time, actor, version, event type and what changed.
Token hashes and other secrets are never shown.

Options:
  --at <time>   also print the connector as it was at this ISO-8601 time (with Z or an offset)
  --json        JSON lines instead: one sanitised event per line; with --at, a last line
                {"at": <time>, "connector": <state>}
  -h, --help    this text

Reads DATA_DIR (and EVENT_STORE, EVENTSTOREDB_URL) like the service; safe while the service runs.
Exit code 1 for an unknown connector, bad arguments or configuration.
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { at: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (positionals.length !== 2) throw new CliError('expected <environmentId> <appConnectorId> (see --help)');
  const [environmentId, appConnectorId] = positionals as [string, string];
  const at = values.at === undefined ? undefined : parseTime(values.at);

  const config = loadStoreConfig(process.env);
  requireExistingEventStore(config);
  const store = await createEventStore(config.eventStore);
  try {
    const ref = { environmentId, appConnectorId };
    const history = await new ConnectorHistory(store).all(ref);
    const state = at && connectorAsOf(ref, history, { at });
    const lines = values.json
      ? [...history.map((event) => JSON.stringify(toAuditEvent(event))), ...(state ? [JSON.stringify({ at: at!.toISOString(), connector: state })] : [])]
      : [...formatTimeline(timelineRows(history)), ...(state ? ['', ...formatConnectorState(at!, state)] : [])];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}

function parseTime(text: string): Date {
  if (!AsOfTime.safeParse(text).success) {
    throw new CliError(`--at ${JSON.stringify(text)} is not an ISO-8601 time such as 2025-03-01T12:00:00Z`);
  }
  return new Date(text);
}

runCli('audit', main);
