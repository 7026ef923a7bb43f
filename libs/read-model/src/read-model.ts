import type { RecordedEvent } from '#event-store';

/**
 * A read model as a pure function of the events (emmett's shape): which events it reads, which one
 * document each of them changes, and that document's next state. No store in sight: the engines
 * load, fold with `evolve` and write with each store's own operations.
 */
export interface ReadModel<Doc = unknown> {
  /** Stable name: the table or collection, its checkpoint and its dead letters are keyed by it. */
  readonly name: string;
  /** Bump when `evolve` or the documents change shape; the new version needs a rebuild. */
  readonly version: number;
  readonly handles: ReadonlySet<string>;
  /**
   * Every event makes a document of its own (`documentId` unique per event) that no later event
   * changes: the engines then write it without loading anything first.
   */
  readonly appendOnly?: boolean;
  /** The id of the one document `event` changes. */
  documentId(event: RecordedEvent): string;
  /** The document after `event`: `document` itself when nothing changes, null when there is none (any more). */
  evolve(document: Doc | null, event: RecordedEvent): Doc | null;
}

/** The stack where there is one, for the log and dead letters (never for /health). */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
