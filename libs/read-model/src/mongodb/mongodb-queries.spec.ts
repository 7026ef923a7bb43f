import { indexDescriptionsOf, LIST_INDEXES, NOT_DELETED } from './mongodb-indexes.js';
import { CREATION_ORDER, LIST_FILTERS } from './mongodb-queries.js';
import { LIST_QUERIES as lists, servingIndexes } from './testing/list-queries.js';

describe('the MongoDB read models: lists and their indexes', () => {
  it.each(lists)('%s: leaves tombstones out and is read in order from %s index %s', (_, model, filter, order, index) => {
    expect(filter).toMatchObject(NOT_DELETED);
    expect(servingIndexes(model, filter, order)[0]).toBe(index);
  });

  it('serves a combination of the dashboard filters from one of their indexes', () => {
    const filter = LIST_FILTERS.appConnectors('e', { blocked: false, userGroupId: 'g', text: 'shop' });
    expect(servingIndexes('app_connectors', filter, CREATION_ORDER).slice(0, 2).sort()).toEqual(['app_connectors_by_blocked', 'app_connectors_by_user_group']);
  });

  it('keeps tombstones out of every index, each named once', () => {
    const descriptions = Object.keys(LIST_INDEXES).flatMap(indexDescriptionsOf);
    expect(descriptions.every((index) => index.partialFilterExpression === NOT_DELETED)).toBe(true);
    expect(new Set(descriptions.map((index) => index.name)).size).toBe(descriptions.length);
  });

  it('bounds a time range of the audit log by an index on the time, whose few entries are then sorted', () => {
    expect(LIST_FILTERS.auditEvents({ from: new Date(0) }, 0)).toHaveProperty(['doc.time']);
    expect(Object.keys(LIST_INDEXES['audit_events']!['audit_events_by_time']!)).toEqual(['doc.time', 'lastPosition']);
  });

  it('has no index no list reads', () => {
    const used = new Set([...lists.map(([, , , , index]) => index), 'audit_events_by_time']);
    expect(Object.values(LIST_INDEXES).flatMap((indexes) => Object.keys(indexes)).filter((name) => !used.has(name))).toEqual([]);
  });

  it('binds a text filter as a literal, never as a pattern', () => {
    expect(LIST_FILTERS.appConnectors('e', { text: 'x.*(' })['doc.state.description']).toEqual({ $regex: 'x\\.\\*\\(', $options: 'i' });
  });
});
