import type { Filter } from 'mongodb';
import { LIST_INDEXES, type StoredRecord } from '../mongodb-indexes.js';
import { CREATION_ORDER, LIST_FILTERS, POSITION_ORDER } from '../mongodb-queries.js';

const isOperator = (value: unknown) => typeof value === 'object' && value !== null && !(value instanceof Date);

/**
 * The indexes of `model` that give the list in its order without a sort in memory: keys made of
 * some of the filter's equality fields (an `$in` is a merge of points, so it counts), then the
 * order. The ones using most of the filter come first.
 */
export function servingIndexes(model: string, filter: Filter<StoredRecord>, order: Record<string, 1>): string[] {
  const points = Object.entries(filter)
    .filter(([field, value]) => field !== 'doc' && !field.startsWith('$') && (!isOperator(value) || '$in' in (value as object)))
    .map(([field]) => field);
  const orderKeys = Object.keys(order);
  return Object.entries(LIST_INDEXES[model]!)
    .map(([name, key]) => ({ name, keys: Object.keys(key) }))
    .filter(({ keys }) => {
      const used = keys.length - orderKeys.length;
      return used >= 0 && keys.slice(0, used).every((field) => points.includes(field)) && orderKeys.every((field, index) => keys[used + index] === field);
    })
    .sort((a, b) => b.keys.length - a.keys.length)
    .map(({ name }) => name);
}

/** Each list MongoQueries reads: what it is, its read model, its filter and order, and the index expected to serve it. */
export const LIST_QUERIES: [string, string, Filter<StoredRecord>, Record<string, 1>, string][] = [
  ['environments', 'environments', LIST_FILTERS.environments(), CREATION_ORDER, 'environments_list'],
  ['app connectors', 'app_connectors', LIST_FILTERS.appConnectors('e', {}), CREATION_ORDER, 'app_connectors_list'],
  ['archived app connectors', 'app_connectors', LIST_FILTERS.appConnectors('e', { archived: true }), CREATION_ORDER, 'app_connectors_list'],
  ['blocked app connectors', 'app_connectors', LIST_FILTERS.appConnectors('e', { blocked: true }), CREATION_ORDER, 'app_connectors_by_blocked'],
  ["a user group's app connectors", 'app_connectors', LIST_FILTERS.appConnectors('e', { userGroupId: 'g' }), CREATION_ORDER, 'app_connectors_by_user_group'],
  ['app connectors by text', 'app_connectors', LIST_FILTERS.appConnectors('e', { text: 'shop' }), CREATION_ORDER, 'app_connectors_list'],
  ["a connector's tokens", 'tokens', LIST_FILTERS.tokens('e', 'c'), CREATION_ORDER, 'tokens_of_connector'],
  ['users', 'users', LIST_FILTERS.users('e'), CREATION_ORDER, 'users_list'],
  ['user groups', 'user_groups', LIST_FILTERS.userGroups('e'), CREATION_ORDER, 'user_groups_list'],
  ["a workflow's inbox", 'messages', LIST_FILTERS.workflowMessages('e', 'w'), CREATION_ORDER, 'messages_of_workflow'],
  ['the audit log', 'audit_events', LIST_FILTERS.auditEvents({}, 0), POSITION_ORDER, 'audit_events_log'],
  ["an environment's audit log", 'audit_events', LIST_FILTERS.auditEvents({ environmentId: 'e' }, 0), POSITION_ORDER, 'audit_events_by_environment'],
  ["an actor's audit log", 'audit_events', LIST_FILTERS.auditEvents({ actor: 'bob' }, 0), POSITION_ORDER, 'audit_events_by_actor'],
  ['the audit log of some types', 'audit_events', LIST_FILTERS.auditEvents({ types: ['TokenRevoked', 'TokenGenerated'] }, 0), POSITION_ORDER, 'audit_events_by_type'],
  ['the audit log of a time range', 'audit_events', LIST_FILTERS.auditEvents({ from: new Date(0), to: new Date(1) }, 0), POSITION_ORDER, 'audit_events_log'],
];
