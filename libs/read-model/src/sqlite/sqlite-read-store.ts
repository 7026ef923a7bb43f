import Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import type { ModelShare } from '../engine/fold-batch.js';
import type { DeadLetter, Slot } from '../engine/projection-store.port.js';
import type { ReadStore } from '../read-store.js';
import { SqliteProjectionWriter } from './sqlite-projection-store.js';
import { SqliteQueries } from './sqlite-queries.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/**
 * The embedded default. Two connections on one WAL file: the writer projects, the reader serves
 * queries, so a query never waits for a batch nor sees one half-written. Other processes on the
 * same file (a rebuild CLI) are serialised by SQLite's own locks.
 * synchronous=NORMAL may lose the last commits on power loss, never consistency between documents and
 * checkpoint; the runner then re-applies from the older checkpoint.
 */
export class SqliteReadStore extends SqliteQueries implements ReadStore {
  private constructor(
    private readonly writerDb: Database.Database,
    private readonly writer: SqliteProjectionWriter,
    private readonly readerDb: Database.Database,
    private readonly checkpointer: WalCheckpointer,
  ) {
    super(readerDb);
  }

  static open(file: string, models: readonly ReadModel[]): SqliteReadStore {
    const writerDb = new Database(file);
    writerDb.pragma('journal_mode = WAL');
    writerDb.pragma('synchronous = NORMAL');
    writerDb.pragma('busy_timeout = 5000');
    // Checkpoints run in their own thread (WalCheckpointer), never on this connection. A larger page
    // cache: the random id index of `tokens` then stays in memory during a catch-up.
    writerDb.pragma('wal_autocheckpoint = 0');
    writerDb.pragma('cache_size = -32768');
    const writer = new SqliteProjectionWriter(writerDb, models);
    const readerDb = new Database(file, { readonly: true });
    readerDb.pragma('busy_timeout = 5000');
    return new SqliteReadStore(writerDb, writer, readerDb, new WalCheckpointer(file));
  }

  async checkpoint(model: string, slot: Slot = 'live') {
    return this.writer.checkpoint(model, slot);
  }

  async project(shares: readonly ModelShare[], slot: Slot, now: Date) {
    return { deadLetters: this.writer.project(shares, slot, now) };
  }

  async listDeadLetters() {
    return this.writer.listDeadLetters();
  }

  async getDeadLetter(id: string) {
    if (!/^[1-9][0-9]{0,15}$/.test(id)) return null;
    return this.writer.listDeadLetters(id)[0] ?? null;
  }

  async retryDeadLetter(letter: DeadLetter, model: ReadModel, event: RecordedEvent, now: Date) {
    this.writer.retry(letter, model, event, now);
  }

  async startRebuild(models: readonly ReadModel[]) {
    this.writer.startRebuild(models);
  }

  async finishRebuild(models: readonly ReadModel[]) {
    return this.writer.finishRebuild(models);
  }

  async abandonRebuild(models: readonly ReadModel[]) {
    this.writer.abandonRebuild(models);
  }

  async generation() {
    return this.writer.generation();
  }

  async close() {
    await this.checkpointer.close();
    this.readerDb.close();
    this.writerDb.close();
  }
}
