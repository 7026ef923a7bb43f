import type { IndexDescription } from 'mongodb';

/**
 * A stored document: the read model's document under `doc`, with the store's bookkeeping beside
 * it. A deleted document stays as a tombstone (`doc: null`) with the position that deleted it, so
 * that replaying the events before it cannot bring it back.
 */
export interface StoredRecord {
  _id: string;
  lastPosition: number;
  doc: Record<string, unknown> | null;
}

/**
 * What every query filters on and every index is restricted to: documents, not tombstones. The
 * planner uses a partial index only for a query that contains its filter, so the queries add this
 * same expression.
 */
export const NOT_DELETED = { doc: { $type: 'object' } } as const;

type IndexKeys = Readonly<Record<string, 1>>;

/**
 * Every index of the read models, by name, each serving one query of MongoQueries (equality fields
 * first, then the order it reads in). Look-ups by id use `_id`, which needs none of these.
 */
export const LIST_INDEXES: Readonly<Record<string, Readonly<Record<string, IndexKeys>>>> = {
  environments: { environments_list: { 'doc.createdAt': 1, _id: 1 } },
  // Archived is always part of the filter; blocked and the user group are the dashboard's filters.
  // The text filter is a case-insensitive regex, which no index serves: it is read from the list.
  app_connectors: {
    app_connectors_list: { 'doc.state.environmentId': 1, 'doc.state.archived': 1, 'doc.createdAt': 1, _id: 1 },
    app_connectors_by_blocked: { 'doc.state.environmentId': 1, 'doc.state.blocked': 1, 'doc.state.archived': 1, 'doc.createdAt': 1, _id: 1 },
    app_connectors_by_user_group: { 'doc.state.environmentId': 1, 'doc.state.userGroupId': 1, 'doc.state.archived': 1, 'doc.createdAt': 1, _id: 1 },
  },
  tokens: { tokens_of_connector: { 'doc.environmentId': 1, 'doc.appConnectorId': 1, 'doc.createdAt': 1, _id: 1 } },
  users: { users_list: { 'doc.environmentId': 1, 'doc.createdAt': 1, _id: 1 } },
  user_groups: { user_groups_list: { 'doc.state.environmentId': 1, 'doc.createdAt': 1, _id: 1 } },
  // One document per environment, looked up by its id.
  communication_connectors: {},
  messages: { messages_of_workflow: { 'doc.state.environmentId': 1, 'doc.state.workflowId': 1, 'doc.createdAt': 1, _id: 1 } },
  // The audit log in position order, and each filter followed by the position (a type list is then
  // read as one merge of the types' ranges, in order).
  audit_events: {
    audit_events_log: { lastPosition: 1 },
    audit_events_by_environment: { 'doc.environmentId': 1, lastPosition: 1 },
    audit_events_by_actor: { 'doc.actor': 1, lastPosition: 1 },
    audit_events_by_type: { 'doc.type': 1, lastPosition: 1 },
    audit_events_by_time: { 'doc.time': 1, lastPosition: 1 },
  },
};

/** The indexes `createIndexes` builds on a read model's collection, tombstones left out of each. */
export function indexDescriptionsOf(model: string): IndexDescription[] {
  const indexes = LIST_INDEXES[model];
  if (!indexes) throw new Error(`no MongoDB indexes declared for read model ${model}`);
  return Object.entries(indexes).map(([name, key]) => ({ name, key: { ...key }, partialFilterExpression: NOT_DELETED }));
}
