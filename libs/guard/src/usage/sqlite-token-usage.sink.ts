import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TokenUsageSink, TokenUse } from './token-usage.port.js';

/**
 * "Date last used" in its own SQLite file (or a file shared with other small tables: the table
 * name is this sink's own). ISO-8601 UTC strings compare in time order, so MAX keeps the newest.
 */
export class SqliteTokenUsageSink implements TokenUsageSink {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement<[string, string]>;
  private readonly select: Database.Statement<[string], { last_used_at: string }>;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A lost last-used time after a power cut is harmless; fsync per batch is not worth it.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS token_last_used (
      token_id TEXT PRIMARY KEY,
      last_used_at TEXT NOT NULL
    )`);
    this.upsert = this.db.prepare(
      `INSERT INTO token_last_used (token_id, last_used_at) VALUES (?, ?)
       ON CONFLICT (token_id) DO UPDATE SET last_used_at = MAX(last_used_at, excluded.last_used_at)`,
    );
    this.select = this.db.prepare('SELECT last_used_at FROM token_last_used WHERE token_id = ?');
  }

  async write(uses: readonly TokenUse[]): Promise<void> {
    this.db.transaction(() => {
      for (const use of uses) this.upsert.run(use.tokenId, use.lastUsedAt);
    })();
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    return this.select.get(tokenId)?.last_used_at ?? null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
