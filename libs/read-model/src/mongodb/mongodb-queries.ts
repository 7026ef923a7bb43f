import type { Collection, Db, Document, Filter } from 'mongodb';
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

/** A stored document: the read model's document under `doc`, with the store's bookkeeping beside it. */
export interface StoredRecord {
  _id: string;
  lastPosition: number;
  doc: Document;
}

type IndexSpec = Record<string, 1>;

/** The indexes the lists read in order, per read model, the main list's first; `prepare` creates them. */
export const LIST_INDEXES: Readonly<Record<string, readonly IndexSpec[]>> = {
  environments: [{ 'doc.createdAt': 1, _id: 1 }],
  app_connectors: [{ 'doc.state.environmentId': 1, 'doc.createdAt': 1, _id: 1 }],
  tokens: [{ 'doc.environmentId': 1, 'doc.appConnectorId': 1, 'doc.createdAt': 1, _id: 1 }],
  users: [{ 'doc.environmentId': 1, 'doc.createdAt': 1, _id: 1 }],
  user_groups: [{ 'doc.state.environmentId': 1, 'doc.createdAt': 1, _id: 1 }],
  communication_connectors: [{ 'doc.environmentId': 1 }],
  messages: [{ 'doc.state.environmentId': 1, 'doc.state.workflowId': 1, 'doc.createdAt': 1, _id: 1 }],
  // The audit log in position order, and each filter followed by the position (a type list is then
  // read as one merge of the types' ranges, in order).
  audit_events: [
    { lastPosition: 1 },
    { 'doc.environmentId': 1, lastPosition: 1 },
    { 'doc.actor': 1, lastPosition: 1 },
    { 'doc.type': 1, lastPosition: 1 },
    { 'doc.time': 1, lastPosition: 1 },
  ],
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query side of the MongoDB read store: the driver's `find` on the live collections. */
export class MongoQueries implements ReadModelQueries {
  constructor(protected readonly db: Db) {}

  environment(environmentId: string) {
    return this.one<EnvironmentDocument>('environments', environmentId);
  }

  environments(page: PageRequest) {
    return this.page<EnvironmentDocument>('environments', {}, page);
  }

  appConnector(environmentId: string, appConnectorId: string) {
    return this.one<AppConnectorDocument>('app_connectors', scopedId(environmentId, appConnectorId));
  }

  appConnectors(environmentId: string, { blocked, archived, userGroupId, text }: AppConnectorFilter, page: PageRequest) {
    const filter: Filter<StoredRecord> = { 'doc.state.environmentId': environmentId, 'doc.state.archived': archived ?? false };
    if (blocked !== undefined) filter['doc.state.blocked'] = blocked;
    if (userGroupId !== undefined) filter['doc.state.userGroupId'] = userGroupId;
    if (text !== undefined) filter['doc.state.description'] = { $regex: escapeRegex(text), $options: 'i' };
    return this.page<AppConnectorDocument>('app_connectors', filter, page);
  }

  async tokens(environmentId: string, appConnectorId: string) {
    const records = await this.live('tokens')
      .find({ 'doc.environmentId': environmentId, 'doc.appConnectorId': appConnectorId })
      .sort({ 'doc.createdAt': 1, _id: 1 })
      .toArray();
    return records.map((record) => record.doc as TokenDocument);
  }

  users(environmentId: string, page: PageRequest) {
    return this.page<UserDocument>('users', { 'doc.environmentId': environmentId }, page);
  }

  userGroup(environmentId: string, groupId: string) {
    return this.one<UserGroupDocument>('user_groups', scopedId(environmentId, groupId));
  }

  userGroups(environmentId: string, page: PageRequest) {
    return this.page<UserGroupDocument>('user_groups', { 'doc.state.environmentId': environmentId }, page);
  }

  communication(environmentId: string) {
    return this.one<CommunicationDocument>('communication_connectors', environmentId);
  }

  message(environmentId: string, messageId: string) {
    return this.one<MessageDocument>('messages', scopedId(environmentId, messageId));
  }

  workflowMessages(environmentId: string, workflowId: string, page: PageRequest) {
    return this.page<MessageDocument>('messages', { 'doc.state.environmentId': environmentId, 'doc.state.workflowId': workflowId }, page);
  }

  async auditEvents({ environmentId, actor, types, from, to }: AuditFilter, { limit, after }: PageRequest): Promise<Page<AuditEntry>> {
    const filter: Filter<StoredRecord> = { lastPosition: { $gt: decodePositionCursor(after) } };
    if (environmentId !== undefined) filter['doc.environmentId'] = environmentId;
    if (actor !== undefined) filter['doc.actor'] = actor;
    if (types !== undefined) filter['doc.type'] = { $in: [...types] };
    if (from !== undefined || to !== undefined) {
      filter['doc.time'] = { ...(from === undefined ? {} : { $gte: from.toISOString() }), ...(to === undefined ? {} : { $lt: to.toISOString() }) };
    }
    const records = await this.live('audit_events').find(filter).sort({ lastPosition: 1 }).limit(limit + 1).toArray();
    return positionPageOf(records.map((record) => record.doc as AuditEntry), limit);
  }

  protected live(model: string): Collection<StoredRecord> {
    return this.db.collection<StoredRecord>(model);
  }

  private async one<Doc>(model: string, id: string): Promise<Doc | null> {
    return ((await this.live(model).findOne({ _id: id }))?.doc as Doc | undefined) ?? null;
  }

  private async page<Doc>(model: string, filter: Filter<StoredRecord>, { limit, after }: PageRequest): Promise<Page<Doc>> {
    const end = decodePageEnd(after);
    const keyset: Filter<StoredRecord> =
      end === null ? {} : { $or: [{ 'doc.createdAt': { $gt: end.createdAt } }, { 'doc.createdAt': end.createdAt, _id: { $gt: end.id } }] };
    const records = await this.live(model)
      .find({ ...filter, ...keyset })
      .sort({ 'doc.createdAt': 1, _id: 1 })
      .limit(limit + 1)
      .toArray();
    const { items, nextCursor } = pageOf(records, limit, (record) => ({ createdAt: String(record.doc['createdAt']), id: record._id }));
    return { items: items.map((record) => record.doc as Doc), nextCursor };
  }
}
