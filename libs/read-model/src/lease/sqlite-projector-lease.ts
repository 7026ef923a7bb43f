import Database from 'better-sqlite3';
import type { LeaseHolder, ProjectorLease } from './projector-lease.port.js';

const LEASE = 'projector';

/**
 * The lease as one row in the read models' SQLite file, on a connection of its own. Taking it is one
 * upsert whose update applies only when the row is the caller's or has expired, so two processes
 * trying at once cannot both win. The processes share a machine, so they share its clock.
 */
export class SqliteProjectorLease implements ProjectorLease {
  private readonly db: Database.Database;
  private readonly take: Database.Statement<{ name: string; holder: string; models: string; expiresAt: number; now: number }>;

  constructor(
    file: string,
    private readonly clock: () => number = Date.now,
  ) {
    // Short: a renewal that waits longer than this for the file's lock counts as failed, and the holder stops projecting.
    this.db = new Database(file, { timeout: 1000 });
    this.db.pragma('journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS projector_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, models TEXT NOT NULL, expires_at INTEGER NOT NULL)');
    this.take = this.db.prepare(
      `INSERT INTO projector_lease (name, holder, models, expires_at) VALUES (@name, @holder, @models, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, models = excluded.models, expires_at = excluded.expires_at
       WHERE projector_lease.holder = excluded.holder OR projector_lease.expires_at <= @now`,
    );
  }

  async acquire(holder: string, models: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    return this.take.run({ name: LEASE, holder, models, expiresAt: now + ttlMs, now }).changes === 1;
  }

  async release(holder: string): Promise<void> {
    this.db.prepare('UPDATE projector_lease SET expires_at = 0 WHERE name = ? AND holder = ?').run(LEASE, holder);
  }

  async current(): Promise<LeaseHolder | null> {
    const row = this.db.prepare('SELECT holder, models, expires_at AS expiresAt FROM projector_lease WHERE name = ?').get(LEASE) as LeaseHolder | undefined;
    return row ?? null;
  }

  async now(): Promise<number> {
    return this.clock();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
