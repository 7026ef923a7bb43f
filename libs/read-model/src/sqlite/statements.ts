import type { Database, Statement } from 'better-sqlite3';

/** Prepared statements by their SQL, prepared once per connection. */
export class Statements {
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  of(sql: string): Statement {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** After a schema change: statements on dropped or renamed tables must not linger. */
  clear(): void {
    this.prepared.clear();
  }
}
