import type { Collection, Db, Filter, Sort } from 'mongodb';
import type { AuditEntry, AuditFilter } from '#audit';
import type { AppConnectorDocument } from '../read-models/app-connectors.read-model.js';
import type { CommunicationDocument } from '../read-models/communication.read-model.js';
import type { MessageDocument } from '../read-models/messages.read-model.js';
import { scopedId } from '../read-models/change-stamp.js';
import type { EnvironmentDocument } from '../read-models/environments.read-model.js';
import type { TokenDocument } from '../read-models/tokens.read-model.js';
import type { UserGroupDocument } from '../read-models/user-groups.read-model.js';
import type { UserDocument } from '../read-models/users.read-model.js';
import { decodePageEnd, pageOf, type PageEnd } from '../queries/page-cursor.js';
import { decodePositionCursor, positionPageOf } from '../queries/position-cursor.js';
import type { AppConnectorFilter, Page, PageRequest, ReadModelQueries } from '../queries/read-model-queries.port.js';
import { NOT_DELETED, type StoredRecord } from './mongodb-indexes.js';
import type { LiveCollections } from './live-collections.js';

/** The lists' order, and the audit log's: each list's index ends in it. */
export const CREATION_ORDER = { 'doc.createdAt': 1, _id: 1 } as const satisfies Sort;
export const POSITION_ORDER = { lastPosition: 1 } as const satisfies Sort;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The filter of every list, as MongoQueries sends it: each one leaves tombstones out and is served
 * by an index of LIST_INDEXES in the list's order (checked in mongodb-queries.spec.ts).
 */
export const LIST_FILTERS = {
  environments: (): Filter<StoredRecord> => ({ ...NOT_DELETED }),
  appConnectors(environmentId: string, { blocked, archived, userGroupId, text }: AppConnectorFilter): Filter<StoredRecord> {
    const filter: Filter<StoredRecord> = { ...NOT_DELETED, 'doc.state.environmentId': environmentId, 'doc.state.archived': archived ?? false };
    if (blocked !== undefined) filter['doc.state.blocked'] = blocked;
    if (userGroupId !== undefined) filter['doc.state.userGroupId'] = userGroupId;
    if (text !== undefined) filter['doc.state.description'] = { $regex: escapeRegex(text), $options: 'i' };
    return filter;
  },
  tokens: (environmentId: string, appConnectorId: string): Filter<StoredRecord> => ({ ...NOT_DELETED, 'doc.environmentId': environmentId, 'doc.appConnectorId': appConnectorId }),
  users: (environmentId: string): Filter<StoredRecord> => ({ ...NOT_DELETED, 'doc.environmentId': environmentId }),
  userGroups: (environmentId: string): Filter<StoredRecord> => ({ ...NOT_DELETED, 'doc.state.environmentId': environmentId }),
  workflowMessages: (environmentId: string, workflowId: string): Filter<StoredRecord> => ({ ...NOT_DELETED, 'doc.state.environmentId': environmentId, 'doc.state.workflowId': workflowId }),
  auditEvents({ environmentId, actor, types, from, to }: AuditFilter, afterPosition: number): Filter<StoredRecord> {
    const filter: Filter<StoredRecord> = { ...NOT_DELETED, lastPosition: { $gt: afterPosition } };
    if (environmentId !== undefined) filter['doc.environmentId'] = environmentId;
    if (actor !== undefined) filter['doc.actor'] = actor;
    if (types !== undefined) filter['doc.type'] = { $in: [...types] };
    if (from !== undefined || to !== undefined) {
      filter['doc.time'] = { ...(from === undefined ? {} : { $gte: from.toISOString() }), ...(to === undefined ? {} : { $lt: to.toISOString() }) };
    }
    return filter;
  },
};

/** The rows after a page's last one in creation order; everything when there is no page before. */
export function keysetAfter(end: PageEnd | null): Filter<StoredRecord> {
  return end === null ? {} : { $or: [{ 'doc.createdAt': { $gt: end.createdAt } }, { 'doc.createdAt': end.createdAt, _id: { $gt: end.id } }] };
}

/**
 * The query side of the MongoDB read store: the driver's `find` on the live collections, whose
 * names come from the meta document. Each list is served by an index of `LIST_INDEXES`.
 */
export class MongoQueries implements ReadModelQueries {
  constructor(
    protected readonly db: Db,
    protected readonly liveCollections: LiveCollections,
  ) {}

  environment(environmentId: string) {
    return this.one<EnvironmentDocument>('environments', environmentId);
  }

  environments(page: PageRequest) {
    return this.page<EnvironmentDocument>('environments', LIST_FILTERS.environments(), page);
  }

  appConnector(environmentId: string, appConnectorId: string) {
    return this.one<AppConnectorDocument>('app_connectors', scopedId(environmentId, appConnectorId));
  }

  appConnectors(environmentId: string, filter: AppConnectorFilter, page: PageRequest) {
    return this.page<AppConnectorDocument>('app_connectors', LIST_FILTERS.appConnectors(environmentId, filter), page);
  }

  async tokens(environmentId: string, appConnectorId: string) {
    const records = await (await this.live('tokens')).find(LIST_FILTERS.tokens(environmentId, appConnectorId)).sort(CREATION_ORDER).toArray();
    return records.map((record) => record.doc as unknown as TokenDocument);
  }

  users(environmentId: string, page: PageRequest) {
    return this.page<UserDocument>('users', LIST_FILTERS.users(environmentId), page);
  }

  userGroup(environmentId: string, groupId: string) {
    return this.one<UserGroupDocument>('user_groups', scopedId(environmentId, groupId));
  }

  userGroups(environmentId: string, page: PageRequest) {
    return this.page<UserGroupDocument>('user_groups', LIST_FILTERS.userGroups(environmentId), page);
  }

  communication(environmentId: string) {
    return this.one<CommunicationDocument>('communication_connectors', environmentId);
  }

  message(environmentId: string, messageId: string) {
    return this.one<MessageDocument>('messages', scopedId(environmentId, messageId));
  }

  workflowMessages(environmentId: string, workflowId: string, page: PageRequest) {
    return this.page<MessageDocument>('messages', LIST_FILTERS.workflowMessages(environmentId, workflowId), page);
  }

  async auditEvents(filter: AuditFilter, { limit, after }: PageRequest): Promise<Page<AuditEntry>> {
    const records = await (await this.live('audit_events')).find(LIST_FILTERS.auditEvents(filter, decodePositionCursor(after))).sort(POSITION_ORDER).limit(limit + 1).toArray();
    return positionPageOf(records.map((record) => record.doc as unknown as AuditEntry), limit);
  }

  protected async live(model: string): Promise<Collection<StoredRecord>> {
    return this.db.collection<StoredRecord>(await this.liveCollections.nameOf(model));
  }

  private async one<Doc>(model: string, id: string): Promise<Doc | null> {
    return ((await (await this.live(model)).findOne({ _id: id, ...NOT_DELETED }))?.doc as Doc | undefined) ?? null;
  }

  private async page<Doc>(model: string, filter: Filter<StoredRecord>, { limit, after }: PageRequest): Promise<Page<Doc>> {
    const keyset = keysetAfter(decodePageEnd(after));
    const records = await (await this.live(model))
      .find({ ...filter, ...keyset })
      .sort(CREATION_ORDER)
      .limit(limit + 1)
      .toArray();
    const { items, nextCursor } = pageOf(records, limit, (record) => ({ createdAt: String(record.doc!['createdAt']), id: record._id }));
    return { items: items.map((record) => record.doc as Doc), nextCursor };
  }
}
