import type { StoreConfig } from './store-config.js';

/**
 * `esdb://admin:secret@db1:2113,db2:2113?tls=true` → `esdb://db1:2113,db2:2113`: scheme and hosts
 * only, so that a log line never carries a user, a password or a query option such as a TLS key path.
 */
export function serverHosts(connectionString: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(connectionString);
  if (!scheme) return '(unparsable connection string)';
  const rest = connectionString.slice(scheme[0].length);
  const afterUser = rest.slice(rest.lastIndexOf('@') + 1);
  return `${scheme[1]}://${afterUser.split(/[/?#]/, 1)[0]}`;
}

/** One line for the start-up log: which stack, where; never a credential. */
export function describeStack(config: StoreConfig, env: Record<string, string | undefined>): string {
  const { eventStore, readStore } = config;
  if (eventStore.kind === 'sqlite' && readStore.kind === 'sqlite') {
    const ignored = ['EVENTSTOREDB_URL', 'MONGODB_URL'].filter((name) => !!env[name]);
    const note = ignored.length > 0 ? ` (${ignored.join(' and ')} set but unused: EVENT_STORE and READ_STORE are sqlite)` : '';
    return `embedded stack: SQLite event store and read models in ${config.dataDir}${note}`;
  }
  const events = eventStore.kind === 'eventstoredb' ? `EventStoreDB at ${serverHosts(eventStore.connectionString)}` : `SQLite event store ${eventStore.file}`;
  const reads =
    readStore.kind === 'mongodb' ? `MongoDB at ${serverHosts(readStore.url)} (database ${readStore.database})` : `SQLite read models ${readStore.file}`;
  return `server stack: ${events}, ${reads}; local files in ${config.dataDir}`;
}
