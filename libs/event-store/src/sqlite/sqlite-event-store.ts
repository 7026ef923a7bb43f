import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  MarkedAppend,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { requireEvents } from '../shared/append-rules.js';
import { ChangeNotifier } from '../shared/change-notifier.js';
import { LiveSubscription } from '../shared/live-subscription.js';
import { openDatabase, prepareStatements, type SqliteStatements, toRecordedEvent } from './sqlite-schema.js';
import { SqliteWriter } from './sqlite-writer.js';

export interface SqliteEventStoreOptions {
  /** How often an idle live subscription looks for appends made by other processes; default 50 ms. */
  readonly pollIntervalMs?: number;
  /** How long an append waits for another process's write lock; default 5000 ms. */
  readonly busyTimeoutMs?: number;
}

/** One notifier per file, so every store on the same file in this process wakes the others' subscriptions. */
const notifiers = new Map<string, ChangeNotifier>();

function notifierFor(file: string): ChangeNotifier {
  const key = resolve(file);
  const notifier = notifiers.get(key) ?? new ChangeNotifier();
  notifiers.set(key, notifier);
  return notifier;
}

/**
 * The embedded production store: one SQLite file, safe to share with other processes on the machine.
 * Reads run on the caller's thread; appends go to a writer thread that commits them in groups.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly changes: ChangeNotifier;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<LiveSubscription>();
  private readonly writer: SqliteWriter;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.db = openDatabase(file, options.busyTimeoutMs ?? 5000);
    this.statements = prepareStatements(this.db);
    this.changes = notifierFor(file);
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.writer = new SqliteWriter(file, options.busyTimeoutMs ?? 5000, () => this.changes.notify());
  }

  /**
   * Resolves once the events are on disk. The writer thread takes the write lock (BEGIN IMMEDIATE)
   * before the revision check, so no other process can append between the check and the inserts.
   */
  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    requireEvents(streamId, events);
    const rows = events.map((event) => [event.id ?? randomUUID(), event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)] as const);
    return this.writer.append(streamId, rows, options);
  }

  async markedAppends(requestId: string, now: number): Promise<MarkedAppend[]> {
    return this.statements.markedAppends.all(requestId, now).map(([sequence, streamId, lastRevision, position, sealed]) => ({
      sequence,
      streamId,
      lastRevision,
      position,
      sealed,
    }));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream
      .all(streamId, options.fromRevision ?? 0, options.maxCount ?? -1)
      .map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readAll.all(options.after ?? 0, options.maxCount ?? -1).map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const source = {
      // Each batch is one complete statement, so no read transaction stays open between batches.
      readAfter: (after: number, maxCount: number) => this.readAll({ after, maxCount }),
      changes: this.changes,
      pollIntervalMs: this.pollIntervalMs,
    };
    const subscription = new LiveSubscription(source, options.after ?? 0, options.batchSize ?? 500, (closed) =>
      this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.head ?? 0;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.writer.close();
    this.db.close();
  }
}
