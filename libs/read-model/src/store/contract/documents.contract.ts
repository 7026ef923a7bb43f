import type { ReadStore } from '../read-store.port.js';
import { UnknownCollectionError } from '../read-store.errors.js';
import { CONNECTORS, connector, putAll, type Connector } from './contract-fixtures.js';

export function documentsContract(store: () => ReadStore): void {
  describe('documents', () => {
    it('puts, gets, replaces and deletes by _id', async () => {
      await putAll(store(), [connector('a', { owner: { group: 'g1' }, rank: 3 })]);
      expect(await store().get(CONNECTORS.name, 'a')).toEqual(connector('a', { owner: { group: 'g1' }, rank: 3 }));
      await putAll(store(), [connector('a', { status: 'active' })]);
      expect(await store().get(CONNECTORS.name, 'a')).toEqual(connector('a', { status: 'active' }));

      const deleted = await store().transaction(async (tx) => [await tx.delete(CONNECTORS.name, 'a'), await tx.delete(CONNECTORS.name, 'a')]);
      expect(deleted).toEqual([true, false]);
      expect(await store().get(CONNECTORS.name, 'a')).toBeNull();
    });

    it('returns null for a missing document', async () => {
      expect(await store().get(CONNECTORS.name, 'nope')).toBeNull();
    });

    it('stores JSON copies: later mutation of either side changes nothing stored', async () => {
      const original = { ...connector('a'), tags: ['x'], dropped: undefined };
      await putAll(store(), [original as Connector]);
      original.tags.push('y');
      const read = (await store().get<Connector & { tags: string[] }>(CONNECTORS.name, 'a'))!;
      read.tags.push('z');
      expect(await store().get(CONNECTORS.name, 'a')).toEqual({ ...connector('a'), tags: ['x'] });
      expect('dropped' in read).toBe(false);
    });

    it('rejects an undeclared collection', async () => {
      await expect(store().get('undeclared', 'a')).rejects.toBeInstanceOf(UnknownCollectionError);
      await expect(store().transaction((tx) => tx.put('undeclared', { _id: 'a' }))).rejects.toBeInstanceOf(UnknownCollectionError);
    });

    it('lets ensureCollections run again without losing documents', async () => {
      await putAll(store(), [connector('a')]);
      await store().ensureCollections([CONNECTORS]);
      expect(await store().get(CONNECTORS.name, 'a')).not.toBeNull();
    });
  });
}
