import type { ReadStore } from '../read-store.port.js';
import { CheckpointConflictError } from '../read-store.errors.js';
import { CONNECTORS, connector, ids, putAll, tick, type Connector } from './contract-fixtures.js';

const letter = (position: number, projection = 'list') => ({
  projection, position, eventId: `e${position}`, streamId: 's1', type: 'Poison', error: 'boom', at: '2025-01-01T00:00:00.000Z',
});

export function transactionsContract(store: () => ReadStore): void {
  describe('transactions', () => {
    it('shows its own writes inside and nothing outside until commit', async () => {
      await putAll(store(), [connector('a')]);
      await store().transaction(async (tx) => {
        await tx.put(CONNECTORS.name, connector('b'));
        await tx.delete(CONNECTORS.name, 'a');
        expect(await tx.get(CONNECTORS.name, 'b')).toEqual(connector('b'));
        expect(ids((await tx.find(CONNECTORS.name)).items)).toEqual(['b']);
        expect(await store().get(CONNECTORS.name, 'b')).toBeNull();
        expect(ids((await store().find(CONNECTORS.name)).items)).toEqual(['a']);
      });
      expect(ids((await store().find(CONNECTORS.name)).items)).toEqual(['b']);
    });

    it('hands out and takes copies inside a transaction too', async () => {
      await store().transaction(async (tx) => {
        const original = { ...connector('a'), tags: ['x'], dropped: undefined };
        await tx.put(CONNECTORS.name, original);
        original.tags.push('y');
        const read = (await tx.get<Connector & { tags: string[] }>(CONNECTORS.name, 'a'))!;
        read.tags.push('z');
        expect('dropped' in read).toBe(false);
        expect(await tx.get(CONNECTORS.name, 'a')).toEqual({ ...connector('a'), tags: ['x'] });
      });
      expect(await store().get(CONNECTORS.name, 'a')).toEqual({ ...connector('a'), tags: ['x'] });
    });

    it('rolls back documents, checkpoint and dead letters when the callback throws', async () => {
      await store().transaction(async (tx) => {
        await tx.put(CONNECTORS.name, connector('a'));
        await tx.setCheckpoint('list', 10);
      });
      const failing = store().transaction(async (tx) => {
        await tx.put(CONNECTORS.name, connector('a', { status: 'active' }));
        await tx.put(CONNECTORS.name, connector('b'));
        await tx.setCheckpoint('list', 20);
        await tx.recordDeadLetter(letter(15));
        throw new Error('apply failed');
      });
      await expect(failing).rejects.toThrow('apply failed');
      expect(await store().get(CONNECTORS.name, 'a')).toEqual(connector('a'));
      expect(await store().get(CONNECTORS.name, 'b')).toBeNull();
      expect(await store().getCheckpoint('list')).toBe(10);
      expect(await store().listDeadLetters()).toEqual([]);
    });

    it('returns the callback result and refuses use of the transaction after it ended', async () => {
      let leaked: Parameters<Parameters<ReadStore['transaction']>[0]>[0] | undefined;
      const result = await store().transaction(async (tx) => ((leaked = tx), 42));
      expect(result).toBe(42);
      await expect(leaked!.put(CONNECTORS.name, connector('x'))).rejects.toThrow();
    });

    it('serialises concurrent transactions', async () => {
      await store().transaction((tx) => tx.put(CONNECTORS.name, connector('counter', { rank: 0 })));
      const increment = () =>
        store().transaction(async (tx) => {
          const current = (await tx.get<Connector>(CONNECTORS.name, 'counter'))!;
          await tick();
          await tx.put(CONNECTORS.name, { ...current, rank: current.rank! + 1 });
        });
      await Promise.all([increment(), increment(), increment()]);
      expect((await store().get<Connector>(CONNECTORS.name, 'counter'))!.rank).toBe(3);
    });

    it('throws instead of deadlocking on a nested transaction', async () => {
      await expect(store().transaction(() => store().transaction(async () => 1))).rejects.toThrow(/nested/);
    });

    it('round-trips checkpoints that only move forward', async () => {
      expect(await store().getCheckpoint('list')).toBe(0);
      await store().transaction((tx) => tx.setCheckpoint('list', 5));
      await store().transaction((tx) => tx.setCheckpoint('detail', 2));
      expect(await store().getCheckpoint('list')).toBe(5);
      expect(await store().getCheckpoint('detail')).toBe(2);
      for (const stale of [5, 3]) {
        await expect(store().transaction((tx) => tx.setCheckpoint('list', stale))).rejects.toBeInstanceOf(CheckpointConflictError);
      }
      await store().transaction(async (tx) => {
        await tx.setCheckpoint('list', 7);
        expect(await tx.getCheckpoint('list')).toBe(7);
      });
      expect(await store().getCheckpoint('list')).toBe(7);
    });

    it('records, lists, finds and removes dead letters', async () => {
      const [first, second, other] = await store().transaction(async (tx) => [
        await tx.recordDeadLetter(letter(9)),
        await tx.recordDeadLetter(letter(4)),
        await tx.recordDeadLetter(letter(6, 'detail')),
      ]);
      expect((await store().listDeadLetters()).map((dead) => dead.id)).toEqual([second, other, first]);
      expect(await store().listDeadLetters({ projection: 'detail' })).toEqual([{ id: other, ...letter(6, 'detail') }]);
      expect(await store().getDeadLetter(first!)).toEqual({ id: first, ...letter(9) });
      const removed = await store().transaction(async (tx) => [await tx.removeDeadLetter(first!), await tx.removeDeadLetter(first!)]);
      expect(removed).toEqual([true, false]);
      expect(await store().getDeadLetter(first!)).toBeNull();
      expect(await store().getDeadLetter('999999')).toBeNull();
    });
  });
}
