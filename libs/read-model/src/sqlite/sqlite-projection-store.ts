import type { Database } from 'better-sqlite3';
import { Statements } from './statements.js';
import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import { documentIdsOf, foldShare, type FoldedShare, type ModelShare, type StoredDocument } from '../engine/fold-batch.js';
import {
  CheckpointConflictError,
  DeadLetterRetryError,
  type DeadLetter,
  type NewDeadLetter,
  type Slot,
} from '../engine/projection-store.port.js';
import { BOOKKEEPING_DDL, createIndexSql, createTableSql, specOf, tableOf } from './sqlite-tables.js';

interface DocumentRow {
  id: string;
  last_position: number;
  doc: string;
}

/** The projection side of the SQLite read store: one write connection, plain SQL on the read models' tables. */
export class SqliteProjectionWriter {
  private readonly statements: Statements;

  constructor(private readonly db: Database, models: readonly ReadModel[]) {
    this.statements = new Statements(db);
    db.exec(BOOKKEEPING_DDL);
    dropLegacyTables(db);
    db.transaction(() => {
      for (const model of models) this.ensureLive(model);
    }).immediate();
  }

  checkpoint(model: string, slot: Slot): number {
    return (this.statements.of('SELECT position FROM read_model_checkpoints WHERE model = ? AND slot = ?').pluck().get(model, slot) as number | undefined) ?? 0;
  }

  project(shares: readonly ModelShare[], slot: Slot, now: Date): number {
    return this.db
      .transaction(() => {
        let deadLetters = 0;
        for (const share of shares) {
          const stored = this.checkpoint(share.model.name, slot);
          if (stored !== share.checkpoint) throw new CheckpointConflictError(share.model.name, share.checkpoint, stored);
          const folded = foldShare(share, this.load(share, slot), now);
          this.write(folded, slot);
          this.statements.of(
            `INSERT INTO read_model_checkpoints (model, slot, position, version) VALUES (?, ?, ?, ?)
             ON CONFLICT (model, slot) DO UPDATE SET position = excluded.position, version = excluded.version`,
          ).run(share.model.name, slot, folded.position, share.model.version);
          for (const letter of folded.deadLetters) this.recordDeadLetter(letter, slot);
          deadLetters += folded.deadLetters.length;
        }
        return deadLetters;
      })
      .immediate();
  }

  retry(letter: DeadLetter, model: ReadModel, event: RecordedEvent, now: Date): void {
    this.db
      .transaction(() => {
        const share = { model, events: [event], checkpoint: 0 };
        const folded = foldShare(share, this.load(share, 'live'), now);
        if (folded.deadLetters.length > 0) throw new DeadLetterRetryError(folded.deadLetters[0]!.error.split('\n')[0]!);
        this.write(folded, 'live');
        this.statements.of("DELETE FROM read_model_dead_letters WHERE id = ? AND slot = 'live'").run(Number(letter.id));
      })
      .immediate();
  }

  listDeadLetters(id?: string): DeadLetter[] {
    const rows = id === undefined
      ? this.statements.of("SELECT * FROM read_model_dead_letters WHERE slot = 'live' ORDER BY id").all()
      : this.statements.of("SELECT * FROM read_model_dead_letters WHERE slot = 'live' AND id = ?").all(Number(id));
    return (rows as (Omit<DeadLetter, 'id' | 'eventId' | 'streamId'> & { id: number; event_id: string; stream_id: string })[]).map(
      ({ id: rowId, projection, position, event_id, stream_id, type, error, at }) => ({ id: String(rowId), projection, position, eventId: event_id, streamId: stream_id, type, error, at }),
    );
  }

  startRebuild(models: readonly ReadModel[]): void {
    this.schemaChange(() => {
      this.dropRebuild(models);
      for (const { name } of models) this.db.exec(createTableSql(name, 'rebuild'));
    });
  }

  /** Old tables out, rebuilt ones renamed in, their index built, checkpoints and dead letters moved: one transaction. */
  finishRebuild(models: readonly ReadModel[]): number {
    return this.schemaChange(() => {
      for (const { name } of models) {
        this.db.exec(`DROP TABLE IF EXISTS "${name}"; ALTER TABLE "${tableOf(name, 'rebuild')}" RENAME TO "${name}"; ${createIndexSql(name)}`);
        this.statements.of("DELETE FROM read_model_checkpoints WHERE model = ? AND slot = 'live'").run(name);
        this.statements.of("UPDATE read_model_checkpoints SET slot = 'live' WHERE model = ? AND slot = 'rebuild'").run(name);
        this.statements.of("DELETE FROM read_model_dead_letters WHERE projection = ? AND slot = 'live'").run(name);
        this.statements.of("UPDATE read_model_dead_letters SET slot = 'live' WHERE projection = ? AND slot = 'rebuild'").run(name);
      }
      this.statements.of("UPDATE read_model_meta SET value = value + 1 WHERE key = 'generation'").run();
      return this.generation();
    });
  }

  abandonRebuild(models: readonly ReadModel[]): void {
    this.schemaChange(() => this.dropRebuild(models));
  }

  generation(): number {
    return this.statements.of("SELECT value FROM read_model_meta WHERE key = 'generation'").pluck().get() as number;
  }

  private load(share: ModelShare, slot: Slot): Map<string, StoredDocument> {
    const ids = documentIdsOf(share);
    const loaded = new Map<string, StoredDocument>();
    if (ids.length === 0) return loaded;
    const rows = this.statements.of(`SELECT id, last_position, doc FROM "${tableOf(share.model.name, slot)}" WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as DocumentRow[];
    for (const row of rows) loaded.set(row.id, { doc: JSON.parse(row.doc), lastPosition: row.last_position });
    return loaded;
  }

  private write({ model, writes }: FoldedShare, slot: Slot): void {
    const table = tableOf(model.name, slot);
    const spec = specOf(model.name);
    const columns = Object.entries(spec.columns);
    const upsert = this.statements.of(
      `INSERT INTO "${table}" (id, last_position, doc${columns.map(([name]) => `, ${name}`).join('')})
       VALUES (?, ?, ?${', ?'.repeat(columns.length)})
       ON CONFLICT (id) DO UPDATE SET last_position = excluded.last_position, doc = excluded.doc${columns.map(([name]) => `, ${name} = excluded.${name}`).join('')}`,
    );
    const remove = this.statements.of(`DELETE FROM "${table}" WHERE id = ?`);
    for (const [id, stored] of writes) {
      if (stored === null) remove.run(id);
      else upsert.run(id, stored.lastPosition, spec.documentInColumns ? null : JSON.stringify(stored.doc), ...columns.map(([, value]) => value(stored.doc)));
    }
  }

  private recordDeadLetter(letter: NewDeadLetter, slot: Slot): void {
    this.statements.of(
      'INSERT INTO read_model_dead_letters (slot, projection, position, event_id, stream_id, type, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(slot, letter.projection, letter.position, letter.eventId, letter.streamId, letter.type, letter.error, letter.at);
  }

  /** A model whose stored version differs is dropped with its checkpoint: the runner then replays it from the start. */
  private ensureLive(model: ReadModel): void {
    const stored = this.statements.of("SELECT version FROM read_model_checkpoints WHERE model = ? AND slot = 'live'").pluck().get(model.name) as number | undefined;
    if (stored !== undefined && stored !== model.version) {
      this.db.exec(`DROP TABLE IF EXISTS "${model.name}"`);
      this.statements.of("DELETE FROM read_model_checkpoints WHERE model = ? AND slot = 'live'").run(model.name);
      this.statements.of("DELETE FROM read_model_dead_letters WHERE projection = ? AND slot = 'live'").run(model.name);
    }
    this.db.exec(`${createTableSql(model.name, 'live')}; ${createIndexSql(model.name)}`);
  }

  private dropRebuild(models: readonly ReadModel[]): void {
    for (const { name } of models) {
      this.db.exec(`DROP TABLE IF EXISTS "${tableOf(name, 'rebuild')}"`);
      this.statements.of("DELETE FROM read_model_checkpoints WHERE model = ? AND slot = 'rebuild'").run(name);
      this.statements.of("DELETE FROM read_model_dead_letters WHERE projection = ? AND slot = 'rebuild'").run(name);
    }
  }

  private schemaChange<T>(change: () => T): T {
    try {
      return this.db.transaction(change).immediate();
    } finally {
      this.statements.clear();
    }
  }
}

/** Tables of the earlier layout (`rm_*`, documents in one JSON column): the tables above are replayed from the events instead. */
function dropLegacyTables(db: Database): void {
  const legacy = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\'").pluck().all() as string[];
  if (legacy.length === 0) return;
  db.transaction(() => {
    for (const name of legacy) db.exec(`DROP TABLE IF EXISTS "${name}"`);
  }).immediate();
}

