import type { ReadStore } from '../read-store.port.js';
import { UnknownGenerationError } from '../read-store.errors.js';
import { AUDIT, CONNECTORS, connector, ids, putAll } from './contract-fixtures.js';

export function generationsContract(store: () => ReadStore): void {
  describe('generations', () => {
    it('builds a new generation beside the live one and switches readers to it at once', async () => {
      const live = await store().activeGeneration();
      await putAll(store(), [connector('old-only'), connector('both', { name: 'old' })]);
      await store().transaction(async (tx) => {
        await tx.setCheckpoint('list', 100);
        await tx.recordDeadLetter({ projection: 'list', position: 50, eventId: 'e', streamId: 's', type: 't', error: 'x', at: 'now' });
      });

      const next = await store().createGeneration([CONNECTORS, AUDIT]);
      expect(next).not.toBe(live);
      await putAll(store(), [connector('both', { name: 'new' }), connector('new-only')], next);
      await store().transaction((tx) => tx.setCheckpoint('list', 120), { generation: next });

      expect(await store().activeGeneration()).toBe(live);
      expect(ids((await store().find(CONNECTORS.name)).items)).toEqual(['both', 'old-only']);
      expect(await store().getCheckpoint('list')).toBe(100);

      await store().activateGeneration(next);

      expect(await store().activeGeneration()).toBe(next);
      expect(ids((await store().find(CONNECTORS.name)).items)).toEqual(['both', 'new-only']);
      expect((await store().get(CONNECTORS.name, 'both'))).toEqual(connector('both', { name: 'new' }));
      expect(await store().getCheckpoint('list')).toBe(120);
      expect(await store().listDeadLetters()).toEqual([]);
      await expect(store().transaction(async () => 1, { generation: live })).rejects.toBeInstanceOf(UnknownGenerationError);
      await putAll(store(), [connector('after-switch')]);
      expect(await store().get(CONNECTORS.name, 'after-switch')).not.toBeNull();
    });

    it('drops an abandoned generation but never the active one', async () => {
      const live = await store().activeGeneration();
      const abandoned = await store().createGeneration([CONNECTORS]);
      await putAll(store(), [connector('x')], abandoned);
      await store().dropGeneration(abandoned);
      await expect(store().transaction(async () => 1, { generation: abandoned })).rejects.toBeInstanceOf(UnknownGenerationError);
      await expect(store().activateGeneration(abandoned)).rejects.toBeInstanceOf(UnknownGenerationError);
      await expect(store().dropGeneration(live)).rejects.toThrow(/active/);
      expect(await store().activeGeneration()).toBe(live);
      expect(await store().get(CONNECTORS.name, 'x')).toBeNull();
    });

    it('never reuses the number of a dropped generation', async () => {
      const first = await store().createGeneration([CONNECTORS]);
      await store().dropGeneration(first);
      expect(await store().createGeneration([CONNECTORS])).toBeGreaterThan(first);
    });
  });
}
