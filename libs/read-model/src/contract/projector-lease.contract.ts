import { setTimeout as sleep } from 'node:timers/promises';
import type { ProjectorLease } from '../lease/projector-lease.port.js';

/**
 * What every projector lease must do. `open` gives a new lease object on one shared store per
 * test (as two processes would have), `cleanUp` removes that store.
 */
export function describeProjectorLeaseContract(
  name: string,
  open: () => Promise<{ leases: () => Promise<ProjectorLease>; cleanUp: () => Promise<void> }>,
): void {
  describe(`projector lease contract: ${name}`, () => {
    let first: ProjectorLease;
    let second: ProjectorLease;
    let cleanUp: () => Promise<void>;
    beforeEach(async () => {
      const opened = await open();
      [first, second] = [await opened.leases(), await opened.leases()];
      cleanUp = async () => {
        await first.close();
        await second.close();
        await opened.cleanUp();
      };
    });
    afterEach(() => cleanUp());

    it('is taken by the first to ask, refused to another while live, and renewed by its holder', async () => {
      expect(await first.current()).toBeNull();
      expect(await first.acquire('one', 'm@1', 60_000)).toBe(true);
      expect(await second.acquire('two', 'm@1', 60_000)).toBe(false);
      expect(await first.acquire('one', 'm@1', 60_000)).toBe(true);
      const current = await second.current();
      expect(current).toMatchObject({ holder: 'one', models: 'm@1' });
      expect(current!.expiresAt).toBeGreaterThan(await second.now());
    });

    it('goes to exactly one of two processes asking at once', async () => {
      const taken = await Promise.all([first.acquire('one', 'm@1', 60_000), second.acquire('two', 'm@1', 60_000)]);
      expect(taken.filter(Boolean)).toHaveLength(1);
      expect((await first.current())!.holder).toBe(taken[0] ? 'one' : 'two');
    });

    it('is free for another at once when its holder lets it go; a release by another changes nothing', async () => {
      await first.acquire('one', 'm@1', 60_000);
      await second.release('two');
      expect(await second.acquire('two', 'm@1', 60_000)).toBe(false);
      await first.release('one');
      expect(await second.acquire('two', 'm@2', 60_000)).toBe(true);
      expect(await first.current()).toMatchObject({ holder: 'two', models: 'm@2' });
    });

    it('is free for another once expired, and its former holder cannot renew it then', async () => {
      await first.acquire('one', 'm@1', 1);
      // Past the expiry in any case: waiting longer only makes the lease more expired.
      await sleep(50);
      expect(await second.acquire('two', 'm@1', 60_000)).toBe(true);
      expect(await first.acquire('one', 'm@1', 60_000)).toBe(false);
    });
  });
}
