import type { ReadStore } from '../read-store.port.js';
import { CONNECTORS, connector, putAll, type Connector } from './contract-fixtures.js';

type Tagged = Connector & { tags: string[] };

export function updatesContract(store: () => ReadStore): void {
  describe('update', () => {
    it('creates, changes, deletes or leaves a document, seen inside and after commit', async () => {
      await putAll(store(), [connector('changed', { rank: 1 }), connector('deleted'), connector('left')]);
      await store().transaction(async (tx) => {
        await tx.update<Connector>(CONNECTORS.name, 'created', (current) => current ?? connector('created'));
        await tx.update<Connector>(CONNECTORS.name, 'changed', (current) => ({ ...current!, rank: current!.rank! + 1 }));
        await tx.update(CONNECTORS.name, 'deleted', () => 'delete');
        await tx.update(CONNECTORS.name, 'left', () => 'unchanged');
        await tx.update(CONNECTORS.name, 'missing', () => 'delete');
        expect(await tx.get(CONNECTORS.name, 'changed')).toEqual(connector('changed', { rank: 2 }));
        expect(await tx.get(CONNECTORS.name, 'deleted')).toBeNull();
      });
      expect(await store().get(CONNECTORS.name, 'created')).toEqual(connector('created'));
      expect(await store().get(CONNECTORS.name, 'changed')).toEqual(connector('changed', { rank: 2 }));
      expect(await store().get(CONNECTORS.name, 'deleted')).toBeNull();
      expect(await store().get(CONNECTORS.name, 'left')).toEqual(connector('left'));
      expect(await store().get(CONNECTORS.name, 'missing')).toBeNull();
    });

    it('stores the next version as JSON and still hands out copies, whatever it shares with the current one', async () => {
      await store().transaction((tx) => tx.put(CONNECTORS.name, { ...connector('a'), tags: ['x'] }));
      await store().transaction(async (tx) => {
        await tx.update<Tagged>(CONNECTORS.name, 'a', (current) => ({ ...current!, rank: 1, dropped: undefined }) as Tagged);
        const read = (await tx.get<Tagged>(CONNECTORS.name, 'a'))!;
        read.tags.push('mutated after get');
        expect(await tx.get(CONNECTORS.name, 'a')).toStrictEqual({ ...connector('a'), tags: ['x'], rank: 1 });
      });
      expect(await store().get(CONNECTORS.name, 'a')).toStrictEqual({ ...connector('a'), tags: ['x'], rank: 1 });
    });

    it('refuses a next version with another _id, changing nothing', async () => {
      await putAll(store(), [connector('a')]);
      const moving = store().transaction((tx) => tx.update<Connector>(CONNECTORS.name, 'a', () => connector('b')));
      await expect(moving).rejects.toThrow(/_id/);
      expect(await store().get(CONNECTORS.name, 'a')).toEqual(connector('a'));
      expect(await store().get(CONNECTORS.name, 'b')).toBeNull();
    });
  });
}
