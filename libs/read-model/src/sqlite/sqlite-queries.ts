import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditFilter } from '#audit';
import type { AppConnectorDocument } from '../read-models/app-connectors.read-model.js';
import type { CommunicationDocument } from '../read-models/communication.read-model.js';
import type { MessageDocument } from '../read-models/messages.read-model.js';
import { scopedId } from '../read-models/change-stamp.js';
import type { EnvironmentDocument } from '../read-models/environments.read-model.js';
import type { TokenDocument } from '../read-models/tokens.read-model.js';
import type { UserGroupDocument } from '../read-models/user-groups.read-model.js';
import type { UserDocument } from '../read-models/users.read-model.js';
import { decodePageEnd, pageOf } from '../queries/page-cursor.js';
import { decodePositionCursor, positionPageOf } from '../queries/position-cursor.js';
import type { AppConnectorFilter, Page, PageRequest, ReadModelQueries } from '../queries/read-model-queries.port.js';
import { Statements } from './statements.js';

// The audit log keeps its entries in columns (no JSON copy); read back under the entry's names.
const AUDIT_ENTRY_COLUMNS =
  'id AS position, event_id AS eventId, stream_id AS streamId, type, time, actor, source_ip AS sourceIp, correlation_id AS correlationId, ' +
  'causation_id AS causationId, environment_id AS environmentId, summary';

interface ListRow {
  id: string;
  created_at: string;
  doc: string;
}

/** The query side of the SQLite read store: SQL on the read models' tables, over a read-only connection. */
export class SqliteQueries implements ReadModelQueries {
  private readonly statements: Statements;

  constructor(db: Database) {
    this.statements = new Statements(db);
    // SQLite's own LIKE folds ASCII only; this folds case as JavaScript does, for any script.
    db.function('contains_ignoring_case', { deterministic: true }, (haystack, needle) =>
      typeof haystack === 'string' && haystack.toLowerCase().includes(String(needle).toLowerCase()) ? 1 : 0,
    );
  }

  async environment(environmentId: string) {
    return this.one<EnvironmentDocument>('SELECT doc FROM environments WHERE id = ?', environmentId);
  }

  async environments(page: PageRequest) {
    return this.page<EnvironmentDocument>('environments', 'TRUE', {}, page);
  }

  async appConnector(environmentId: string, appConnectorId: string) {
    return this.one<AppConnectorDocument>('SELECT doc FROM app_connectors WHERE id = ?', scopedId(environmentId, appConnectorId));
  }

  async appConnectors(environmentId: string, filter: AppConnectorFilter, page: PageRequest) {
    const where =
      'environment_id = @environmentId AND archived = @archived AND (@blocked IS NULL OR blocked = @blocked) AND (@userGroupId IS NULL OR user_group_id = @userGroupId)' +
      ' AND (@text IS NULL OR contains_ignoring_case(description, @text))';
    const blocked = filter.blocked === undefined ? null : Number(filter.blocked);
    return this.page<AppConnectorDocument>('app_connectors', where, { environmentId, archived: Number(filter.archived ?? false), blocked, userGroupId: filter.userGroupId ?? null, text: filter.text ?? null }, page);
  }

  async tokens(environmentId: string, appConnectorId: string) {
    const rows = this.statements.of('SELECT doc FROM tokens WHERE environment_id = ? AND app_connector_id = ? ORDER BY created_at, id')
      .pluck()
      .all(environmentId, appConnectorId) as string[];
    return rows.map((doc) => JSON.parse(doc) as TokenDocument);
  }

  async users(environmentId: string, page: PageRequest) {
    return this.page<UserDocument>('users', 'environment_id = @environmentId', { environmentId }, page);
  }

  async userGroup(environmentId: string, groupId: string) {
    return this.one<UserGroupDocument>('SELECT doc FROM user_groups WHERE id = ?', scopedId(environmentId, groupId));
  }

  async userGroups(environmentId: string, page: PageRequest) {
    return this.page<UserGroupDocument>('user_groups', 'environment_id = @environmentId', { environmentId }, page);
  }

  async communication(environmentId: string) {
    return this.one<CommunicationDocument>('SELECT doc FROM communication_connectors WHERE id = ?', environmentId);
  }

  async message(environmentId: string, messageId: string) {
    return this.one<MessageDocument>('SELECT doc FROM messages WHERE id = ?', scopedId(environmentId, messageId));
  }

  async workflowMessages(environmentId: string, workflowId: string, page: PageRequest) {
    return this.page<MessageDocument>('messages', 'environment_id = @environmentId AND workflow_id = @workflowId', { environmentId, workflowId }, page);
  }

  /**
   * SQLite walks one index per query, and an index on type holds each type's entries in position
   * order: a query per asked-for type, each stopping after a page, merged here. One query over
   * `type IN (…)` would instead sort every matching entry for every page.
   */
  async auditEvents(filter: AuditFilter, { limit, after }: PageRequest) {
    const params = {
      after: decodePositionCursor(after),
      environmentId: filter.environmentId ?? null,
      actor: filter.actor ?? null,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
      limit: limit + 1,
    };
    // Only the conditions given: `(@x IS NULL OR x = @x)` would keep SQLite off the indexes.
    const conditions = ['id > @after'];
    if (params.environmentId !== null) conditions.push('environment_id = @environmentId');
    if (params.actor !== null) conditions.push('actor = @actor');
    if (params.from !== null) conditions.push('time >= @from');
    if (params.to !== null) conditions.push('time < @to');
    const read = (type?: string) => {
      const where = type === undefined ? conditions : [...conditions, 'type = @type'];
      return this.statements.of(`SELECT ${AUDIT_ENTRY_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`)
        .all(type === undefined ? params : { ...params, type }) as AuditEntry[];
    };
    const rows = filter.types === undefined ? read() : [...new Set(filter.types)].flatMap((type) => read(type)).sort((a, b) => a.position - b.position);
    return positionPageOf(rows.slice(0, limit + 1), limit);
  }

  private one<Doc>(sql: string, id: string): Doc | null {
    const doc = this.statements.of(sql).pluck().get(id) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as Doc);
  }

  /** One page in list order, with one row more than asked for to tell whether another page exists. */
  private page<Doc>(table: string, where: string, params: Record<string, unknown>, { limit, after }: PageRequest): Page<Doc> {
    const end = decodePageEnd(after);
    const keyset = end === null ? '' : ' AND (created_at, id) > (@afterCreatedAt, @afterId)';
    const rows = this.statements.of(`SELECT id, created_at, doc FROM ${table} WHERE ${where}${keyset} ORDER BY created_at, id LIMIT @limit`).all({
      ...params,
      ...(end === null ? {} : { afterCreatedAt: end.createdAt, afterId: end.id }),
      limit: limit + 1,
    }) as ListRow[];
    const { items, nextCursor } = pageOf(rows, limit, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { items: items.map((row) => JSON.parse(row.doc) as Doc), nextCursor };
  }
}
