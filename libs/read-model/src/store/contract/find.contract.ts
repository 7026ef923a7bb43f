import type { FindQuery, ReadStore } from '../read-store.port.js';
import { InvalidQueryError } from '../read-store.errors.js';
import { CONNECTORS, connector, ids, putAll, type Connector } from './contract-fixtures.js';

async function allPages(store: ReadStore, query: FindQuery): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = query.after ?? null;
  do {
    const page: { items: Connector[]; nextCursor: string | null } = await store.find<Connector>(CONNECTORS.name, { ...query, after });
    seen.push(...ids(page.items));
    after = page.nextCursor;
  } while (after !== null);
  return seen;
}

export function findContract(store: () => ReadStore): void {
  describe('find', () => {
    beforeEach(async () => {
      await putAll(store(), [
        connector('c1', { name: 'Payroll Export', status: 'active', owner: { group: 'hr' } }),
        connector('c2', { name: 'payroll import', environmentId: 'env-2' }),
        connector('c3', { name: 'Ledger', status: 'active' }),
        connector('c4', { name: 'ledger', environmentId: 'env-2', owner: { group: 'hr' } }),
        connector('c5', { name: 'Ledger' }),
        connector('c6', { name: null }),
        connector('c7', { name: 'a.b c' }),
      ]);
    });

    it('filters by equality on one or more indexed fields, nested paths included', async () => {
      expect(ids((await store().find(CONNECTORS.name, { where: { status: 'active' } })).items)).toEqual(['c1', 'c3']);
      expect(ids((await store().find(CONNECTORS.name, { where: { environmentId: 'env-2', name: 'ledger' } })).items)).toEqual(['c4']);
      expect(ids((await store().find(CONNECTORS.name, { where: { 'owner.group': 'hr' } })).items)).toEqual(['c1', 'c4']);
      expect(ids((await store().find(CONNECTORS.name, { where: { name: null } })).items)).toEqual(['c6']);
      expect((await store().find(CONNECTORS.name, { where: { status: 'gone' } })).items).toEqual([]);
    });

    it('refuses to filter on a field no index declares', async () => {
      await expect(store().find(CONNECTORS.name, { where: { rank: 1 } })).rejects.toBeInstanceOf(InvalidQueryError);
    });

    it('matches a case-insensitive substring, literally, combined with filters', async () => {
      expect(ids((await store().find(CONNECTORS.name, { search: { field: 'name', text: 'PAYROLL' } })).items)).toEqual(['c1', 'c2']);
      const narrowed = await store().find(CONNECTORS.name, { where: { environmentId: 'env-2' }, search: { field: 'name', text: 'led' } });
      expect(ids(narrowed.items)).toEqual(['c4']);
      expect(ids((await store().find(CONNECTORS.name, { search: { field: 'name', text: 'a.b' } })).items)).toEqual(['c7']);
      expect((await store().find(CONNECTORS.name, { search: { field: 'name', text: '.*' } })).items).toEqual([]);
    });

    it('orders by a field with _id breaking ties, nulls first ascending and last descending', async () => {
      const ascending = await store().find(CONNECTORS.name, { orderBy: { field: 'name' } });
      expect(ids(ascending.items)).toEqual(['c6', 'c3', 'c5', 'c1', 'c7', 'c4', 'c2']);
      const descending = await store().find(CONNECTORS.name, { orderBy: { field: 'name', direction: 'desc' } });
      expect(ids(descending.items)).toEqual(['c2', 'c4', 'c7', 'c1', 'c5', 'c3', 'c6']);
    });

    it.each([
      ['_id ascending', {}],
      ['_id descending', { orderBy: { field: '_id', direction: 'desc' } }],
      ['name ascending', { orderBy: { field: 'name' } }],
      ['name descending', { orderBy: { field: 'name', direction: 'desc' } }],
    ] as const)('pages with a cursor through every match exactly once (%s)', async (_label, ordering) => {
      const everything = ids((await store().find(CONNECTORS.name, ordering)).items);
      for (const limit of [1, 2, 3, 7]) expect(await allPages(store(), { ...ordering, limit })).toEqual(everything);
      const first = await store().find(CONNECTORS.name, { ...ordering, limit: 7 });
      expect(first.nextCursor).toBeNull();
    });

    it('keeps paging stable when documents are inserted between pages', async () => {
      const query: FindQuery = { orderBy: { field: 'name' }, limit: 3 };
      const first = await store().find<Connector>(CONNECTORS.name, query);
      expect(ids(first.items)).toEqual(['c6', 'c3', 'c5']);
      await putAll(store(), [connector('early', { name: 'Aardvark' }), connector('late', { name: 'zebra' })]);
      const rest = await allPages(store(), { ...query, after: first.nextCursor });
      expect(rest).toEqual(['c1', 'c7', 'c4', 'c2', 'late']);
    });

    it('rejects a cursor made for another ordering', async () => {
      const page = await store().find(CONNECTORS.name, { orderBy: { field: 'name' }, limit: 2 });
      await expect(store().find(CONNECTORS.name, { limit: 2, after: page.nextCursor })).rejects.toBeInstanceOf(InvalidQueryError);
      await expect(store().find(CONNECTORS.name, { after: 'garbage' })).rejects.toBeInstanceOf(InvalidQueryError);
    });

    it('rejects a crafted cursor whose value is no scalar, or not of the declared type, before querying', async () => {
      const crafted = (value: unknown) => Buffer.from(JSON.stringify(['name', 'asc', value, 'c1'])).toString('base64url');
      for (const value of [{ $gt: '' }, ['Ledger'], { a: 1 }]) {
        await expect(store().find(CONNECTORS.name, { orderBy: { field: 'name' }, after: crafted(value) })).rejects.toBeInstanceOf(InvalidQueryError);
      }
      const typed = { orderBy: { field: 'name', valueType: 'string' } } as const;
      await expect(store().find(CONNECTORS.name, { ...typed, after: crafted(7) })).rejects.toBeInstanceOf(InvalidQueryError);
      expect(ids((await store().find(CONNECTORS.name, { ...typed, after: crafted('Ledger') })).items)).toEqual(['c3', 'c5', 'c1', 'c7', 'c4', 'c2']);
    });
  });
}
