import { jest } from '@jest/globals';
import { LeasedProjections } from './leased-projections.js';
import type { LeaseHolder, ProjectorLease } from './projector-lease.port.js';

/** A lease another process can hold (`takenBy`) or make fail (`failing`), in memory. */
class FakeLease implements ProjectorLease {
  takenBy: string | null = null;
  failing = false;
  async acquire(holder: string): Promise<boolean> {
    if (this.failing) throw new Error('database is locked');
    if (this.takenBy !== null && this.takenBy !== holder) return false;
    this.takenBy = holder;
    return true;
  }
  async release(holder: string): Promise<void> {
    if (this.takenBy === holder) this.takenBy = null;
  }
  async current(): Promise<LeaseHolder | null> {
    return this.takenBy === null ? null : { holder: this.takenBy, models: 'm@1', expiresAt: 0 };
  }
  async now(): Promise<number> {
    return 0;
  }
  async close(): Promise<void> {}
}

describe('LeasedProjections', () => {
  let lease: FakeLease;
  let runs: string[];
  let projections: LeasedProjections;
  beforeEach(() => {
    jest.useFakeTimers();
    lease = new FakeLease();
    runs = [];
    const runner = { start: async () => void runs.push('start'), stop: async () => void runs.push('stop') };
    projections = new LeasedProjections({ runner, lease, holder: 'me', models: 'm@1', ttlMs: 5000, renewEveryMs: 1000 });
  });
  afterEach(async () => {
    await projections.stop();
    jest.useRealTimers();
  });

  it('projects at once when the lease is free', async () => {
    await projections.start();
    expect(projections.state).toBe('projecting');
    expect(runs).toEqual(['start']);
  });

  it('stands by while another process holds the lease, and projects once it is free', async () => {
    lease.takenBy = 'other';
    await projections.start();
    await jest.advanceTimersByTimeAsync(3000);
    expect(projections.state).toBe('standby');
    expect(runs).toEqual([]);
    lease.takenBy = null;
    await jest.advanceTimersByTimeAsync(1000);
    expect(projections.state).toBe('projecting');
    expect(runs).toEqual(['start']);
  });

  it('stops projecting when a renewal finds the lease taken, and when a renewal fails', async () => {
    await projections.start();
    lease.takenBy = 'other';
    await jest.advanceTimersByTimeAsync(1000);
    expect(projections.state).toBe('standby');
    lease.takenBy = null;
    await jest.advanceTimersByTimeAsync(1000);
    lease.failing = true;
    await jest.advanceTimersByTimeAsync(1000);
    expect(projections.state).toBe('standby');
    expect(runs).toEqual(['start', 'stop', 'start', 'stop']);
  });

  it('lets the lease go when stopped, and tries no more', async () => {
    await projections.start();
    await projections.stop();
    expect(lease.takenBy).toBeNull();
    await jest.advanceTimersByTimeAsync(5000);
    expect(projections.state).toBe('stopped');
    expect(runs).toEqual(['start', 'stop']);
  });

  it('refuses a renewal interval that leaves no second chance within the lease', () => {
    expect(() => new LeasedProjections({ runner: { start: async () => {}, stop: async () => {} }, lease, holder: 'me', models: 'm@1', ttlMs: 1000, renewEveryMs: 600 })).toThrow(
      'renewed at least twice',
    );
  });
});
