import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { HOUR_MS, type TokenUsageSink, type UsageBatch, type UsageCount, type UsageQuery } from './token-usage.port.js';

/** How long hourly counts are kept: thirteen months, so a dashboard can compare a month with the same one a year before. */
export const USAGE_RETENTION_HOURS = 396 * 24;

interface CountRow {
  token_id: string;
  hour: number;
  outcome: string;
  calls: number;
}

/**
 * "Date last used" and the hourly counts in their own SQLite file, shared by the processes on one
 * data folder (counts are added, last-used kept at the newest). ISO-8601 UTC strings compare in time
 * order, so MAX keeps the newest. The counts' key starts with the connector and the hour: a
 * dashboard's range is one walk of the primary key.
 */
export class SqliteTokenUsageSink implements TokenUsageSink {
  private readonly db: Database.Database;
  private readonly upsertUse: Database.Statement<[string, string]>;
  private readonly addCount: Database.Statement<[string, string, string, number, string, number]>;
  private readonly selectUse: Database.Statement<[string], { last_used_at: string }>;
  private readonly selectCounts: Database.Statement<[string, string, number, number], CountRow>;
  private readonly forget: Database.Statement<[number]>;
  private forgottenBefore = 0;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A lost batch after a power cut is harmless; fsync per batch is not worth it.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS token_last_used (
      token_id TEXT PRIMARY KEY,
      last_used_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS usage_hourly (
      environment_id TEXT NOT NULL, app_connector_id TEXT NOT NULL, hour INTEGER NOT NULL, token_id TEXT NOT NULL,
      outcome TEXT NOT NULL, calls INTEGER NOT NULL,
      PRIMARY KEY (environment_id, app_connector_id, hour, token_id, outcome)
    ) WITHOUT ROWID`);
    this.upsertUse = this.db.prepare(
      `INSERT INTO token_last_used (token_id, last_used_at) VALUES (?, ?)
       ON CONFLICT (token_id) DO UPDATE SET last_used_at = MAX(last_used_at, excluded.last_used_at)`,
    );
    this.addCount = this.db.prepare(
      `INSERT INTO usage_hourly (environment_id, app_connector_id, token_id, hour, outcome, calls) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET calls = calls + excluded.calls`,
    );
    this.selectUse = this.db.prepare('SELECT last_used_at FROM token_last_used WHERE token_id = ?');
    this.selectCounts = this.db.prepare(
      `SELECT token_id, hour, outcome, calls FROM usage_hourly
       WHERE environment_id = ? AND app_connector_id = ? AND hour >= ? AND hour < ? ORDER BY hour, token_id, outcome`,
    );
    this.forget = this.db.prepare('DELETE FROM usage_hourly WHERE hour < ?');
  }

  async write({ uses, counts }: UsageBatch): Promise<void> {
    this.db.transaction(() => {
      for (const use of uses) this.upsertUse.run(use.tokenId, use.lastUsedAt);
      for (const c of counts) this.addCount.run(c.environmentId, c.appConnectorId, c.tokenId, c.hour, c.outcome, c.calls);
    })();
    this.forgetOldCounts();
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    return this.selectUse.get(tokenId)?.last_used_at ?? null;
  }

  async counts({ environmentId, appConnectorId, fromHour, toHour }: UsageQuery): Promise<UsageCount[]> {
    return this.selectCounts
      .all(environmentId, appConnectorId, fromHour, toHour)
      .map((row) => ({ environmentId, appConnectorId, tokenId: row.token_id, hour: row.hour, outcome: row.outcome, calls: row.calls }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** At most once an hour: the delete walks the whole table. */
  private forgetOldCounts(): void {
    const before = Math.floor(this.now() / HOUR_MS) - USAGE_RETENTION_HOURS;
    if (before <= this.forgottenBefore) return;
    this.forget.run(before);
    this.forgottenBefore = before;
  }
}
