import type { AuditEntry } from '#audit';
import type { AppConnectorDocument } from '../read-models/app-connectors.read-model.js';
import type { CommunicationDocument } from '../read-models/communication.read-model.js';
import type { MessageDocument } from '../read-models/messages.read-model.js';
import type { EnvironmentDocument } from '../read-models/environments.read-model.js';
import type { TokenDocument } from '../read-models/tokens.read-model.js';
import type { UserGroupDocument } from '../read-models/user-groups.read-model.js';
import type { UserDocument } from '../read-models/users.read-model.js';
import type { Slot } from '../engine/projection-store.port.js';

type Column<Doc> = (doc: Doc) => string | number | null;

/**
 * Each read model's table: `id`, `last_position`, the document as JSON, and a real column for every
 * field a list filters or sorts on, with indexes serving each list in its order.
 */
interface TableSpec<Doc> {
  readonly columns: Readonly<Record<string, Column<Doc>>>;
  /** The first serves the model's main list; each index's columns, comma-separated. */
  readonly indexes: readonly [string, ...string[]];
  /**
   * The ids are whole numbers (global positions): `id` is then the rowid itself, so the table is
   * one B-tree in id order and every index ends in id, serving "these rows in id order" directly.
   */
  readonly integerId?: true;
  /**
   * The document is its columns, with no JSON copy beside them (`doc` stays null): less to encode
   * and store per row. Only for append-only models, whose documents are never loaded to fold.
   */
  readonly documentInColumns?: true;
}

const table = <Doc>(spec: TableSpec<Doc>) => spec as unknown as TableSpec<unknown>;

const TABLES: Readonly<Record<string, TableSpec<unknown>>> = {
  environments: table<EnvironmentDocument>({ columns: { created_at: (d) => d.createdAt }, indexes: ['created_at, id'] }),
  app_connectors: table<AppConnectorDocument>({
    columns: {
      environment_id: (d) => d.state.environmentId,
      created_at: (d) => d.createdAt,
      blocked: (d) => (d.state.blocked ? 1 : 0),
      archived: (d) => (d.state.archived ? 1 : 0),
      user_group_id: (d) => d.state.userGroupId,
      description: (d) => d.state.description,
    },
    // The blocked, archived and user-group filters are read from the rows the index walks in list order.
    indexes: ['environment_id, created_at, id'],
  }),
  tokens: table<TokenDocument>({
    columns: { environment_id: (d) => d.environmentId, app_connector_id: (d) => d.appConnectorId, created_at: (d) => d.createdAt },
    indexes: ['environment_id, app_connector_id, created_at, id'],
  }),
  users: table<UserDocument>({ columns: { environment_id: (d) => d.environmentId, created_at: (d) => d.createdAt }, indexes: ['environment_id, created_at, id'] }),
  user_groups: table<UserGroupDocument>({ columns: { environment_id: (d) => d.state.environmentId, created_at: (d) => d.createdAt }, indexes: ['environment_id, created_at, id'] }),
  // One document per environment, looked up by it (the id); the index serves a list of all of them in environment order.
  communication_connectors: table<CommunicationDocument>({ columns: { environment_id: (d) => d.environmentId }, indexes: ['environment_id'] }),
  // A workflow's inbox, oldest first.
  messages: table<MessageDocument>({
    columns: { environment_id: (d) => d.state.environmentId, workflow_id: (d) => d.state.workflowId, status: (d) => d.state.status, created_at: (d) => d.createdAt },
    indexes: ['environment_id, workflow_id, created_at, id'],
  }),
  // The audit log: each filter an index ending (as every index of a rowid table does) in the position.
  audit_events: table<AuditEntry>({
    integerId: true,
    documentInColumns: true,
    columns: {
      environment_id: (d) => d.environmentId,
      actor: (d) => d.actor,
      type: (d) => d.type,
      time: (d) => d.time,
      event_id: (d) => d.eventId,
      stream_id: (d) => d.streamId,
      source_ip: (d) => d.sourceIp,
      correlation_id: (d) => d.correlationId,
      causation_id: (d) => d.causationId,
      summary: (d) => d.summary,
    },
    indexes: ['environment_id', 'actor', 'type', 'time'],
  }),
};

export const tableOf = (model: string, slot: Slot) => (slot === 'live' ? model : `${model}__rebuild`);

export function specOf(model: string): TableSpec<unknown> {
  const spec = TABLES[model];
  if (!spec) throw new Error(`no SQLite table for read model ${model}`);
  return spec;
}

export function createTableSql(model: string, slot: Slot): string {
  const spec = specOf(model);
  const columns = Object.keys(spec.columns).map((column) => `, ${column}`).join('');
  const id = spec.integerId ? 'id INTEGER PRIMARY KEY' : 'id TEXT PRIMARY KEY';
  const doc = spec.documentInColumns ? 'doc TEXT' : 'doc TEXT NOT NULL';
  return `CREATE TABLE IF NOT EXISTS "${tableOf(model, slot)}" (${id}, last_position INTEGER NOT NULL, ${doc}${columns})`;
}

const indexName = (model: string, columns: string, index: number) => (index === 0 ? `${model}_list` : `${model}_by_${columns.replace(/\W+/g, '_')}`);

/** Live tables only: a rebuild fills its table without them and gets them at the switch, in one pass. */
export const createIndexSql = (model: string) =>
  specOf(model)
    .indexes.map((columns, index) => `CREATE INDEX IF NOT EXISTS "${indexName(model, columns, index)}" ON "${model}" (${columns})`)
    .join('; ');

export const BOOKKEEPING_DDL = `
  CREATE TABLE IF NOT EXISTS read_model_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT OR IGNORE INTO read_model_meta (key, value) VALUES ('generation', 1);
  CREATE TABLE IF NOT EXISTS read_model_checkpoints (
    model TEXT NOT NULL, slot TEXT NOT NULL, position INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (model, slot));
  CREATE TABLE IF NOT EXISTS read_model_dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT, slot TEXT NOT NULL, projection TEXT NOT NULL, position INTEGER NOT NULL,
    event_id TEXT NOT NULL, stream_id TEXT NOT NULL, type TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL);
`;
