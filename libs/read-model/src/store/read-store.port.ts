/**
 * The read-store port: named collections of JSON documents that projections write and query
 * handlers read. Shaped so that SQLite (embedded default), in-memory and MongoDB adapters all fit,
 * and all of them pass `contract/read-store.contract.ts`.
 *
 * Generations: every collection, checkpoint and dead letter belongs to a generation. Readers always
 * read the *active* generation; a rebuild fills a new generation beside it and then activates it,
 * which switches documents, checkpoints and dead letters in one step and drops the old generation.
 */

export type JsonScalar = string | number | boolean | null;

/** A stored document: any JSON-serialisable object with a string `_id`. Stored and returned as copies. */
export interface ReadDocument {
  readonly _id: string;
}

export interface CollectionSpec {
  /** Lower-case letters, digits and `_`, starting with a letter (it becomes part of a table name). */
  readonly name: string;
  /**
   * Secondary indexes, each over one or more fields (dotted paths allowed) in order. `where` filters
   * may only use fields that appear in some declared index, so that no adapter falls back to a scan
   * by accident.
   */
  readonly indexes: readonly (readonly string[])[];
}

export type SortDirection = 'asc' | 'desc';

export interface FindQuery {
  /** Equality on indexed fields; `null` matches a missing field too. */
  readonly where?: Readonly<Record<string, JsonScalar>>;
  /** Case-insensitive substring match on one string field (the `q` of list endpoints). */
  readonly search?: { readonly field: string; readonly text: string };
  /**
   * Order by one field, then `_id` in the same direction, so that keyset paging is stable. Values of
   * the field should be all strings or all numbers; missing/null sort first ascending, last descending.
   * Default: `_id` ascending. `valueType` declares which of the two: a cursor with a value of another
   * type is then refused (InvalidQueryError) rather than compared across types.
   */
  readonly orderBy?: { readonly field: string; readonly direction?: SortDirection; readonly valueType?: 'string' | 'number' };
  /** Page size; all matches when absent. */
  readonly limit?: number;
  /** `nextCursor` of the previous page, for the same `orderBy`. */
  readonly after?: string | null;
}

export interface FindPage<T> {
  readonly items: T[];
  /** Pass as `after` for the next page; `null` when this page is the last. */
  readonly nextCursor: string | null;
}

export interface NewDeadLetter {
  readonly projection: string;
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly error: string;
  /** ISO-8601 time the event was given up on. */
  readonly at: string;
}

export interface DeadLetter extends NewDeadLetter {
  readonly id: string;
}

export interface DocumentReader {
  get<T extends ReadDocument>(collection: string, id: string): Promise<T | null>;
  find<T extends ReadDocument>(collection: string, query?: FindQuery): Promise<FindPage<T>>;
  /** Last position the projection committed; 0 when it never did. */
  getCheckpoint(projection: string): Promise<number>;
}

/** What an `update` makes of a document: its next version, or 'delete', or 'unchanged'. */
export type DocumentUpdate<T extends ReadDocument> = T | 'delete' | 'unchanged';

/**
 * A unit of work on one generation: writes, checkpoints and dead letters commit together or not at
 * all; reads see the transaction's own writes. Unusable once the callback has returned.
 */
export interface ReadTransaction extends DocumentReader {
  readonly generation: number;
  /** Insert or replace by `_id`. */
  put<T extends ReadDocument>(collection: string, document: T): Promise<void>;
  /** True when a document was deleted. */
  delete(collection: string, id: string): Promise<boolean>;
  /**
   * Reads a document and stores what `change` makes of it (a next version keeps the `_id`, and is a
   * plain object of data properties). `change` gets the stored document itself, not a copy, and
   * hands the next version over: the store may keep it and the parts it took over from the current
   * one, so neither may be mutated or kept after the call. That spares the copies a `get` and a
   * `put` make, in the one place a projection needs neither.
   */
  update<T extends ReadDocument>(collection: string, id: string, change: (current: T | null) => DocumentUpdate<T>): Promise<void>;
  /**
   * Advance the projection's checkpoint. Throws CheckpointConflictError unless `position` is above
   * the stored one: another runner got there first, and this transaction must not commit.
   */
  setCheckpoint(projection: string, position: number): Promise<void>;
  recordDeadLetter(letter: NewDeadLetter): Promise<string>;
  removeDeadLetter(id: string): Promise<boolean>;
}

export interface TransactionOptions {
  /** Generation to write; default the active one (a rebuild writes its new generation). */
  readonly generation?: number;
}

/** Reads outside a transaction see committed data of the active generation only. */
export interface ReadStore extends DocumentReader {
  /** Create the collections and their indexes in the active generation if missing. */
  ensureCollections(specs: readonly CollectionSpec[]): Promise<void>;

  /** Transactions are serialised; do not start one inside another (it throws rather than deadlock). */
  transaction<R>(work: (tx: ReadTransaction) => Promise<R>, options?: TransactionOptions): Promise<R>;

  listDeadLetters(filter?: { readonly projection?: string }): Promise<DeadLetter[]>;
  getDeadLetter(id: string): Promise<DeadLetter | null>;

  activeGeneration(): Promise<number>;
  /** A new, empty generation with these collections; not visible to readers until activated. */
  createGeneration(specs: readonly CollectionSpec[]): Promise<number>;
  /** Make `generation` the active one and drop the previous one with its checkpoints and dead letters. */
  activateGeneration(generation: number): Promise<void>;
  /** Abandon an inactive generation (a failed rebuild). */
  dropGeneration(generation: number): Promise<void>;

  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
