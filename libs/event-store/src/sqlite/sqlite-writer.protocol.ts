import type { AppendMarker, ExpectedRevision } from '../event-store.port.js';

/** One append as the writer thread receives it: the events already serialised by the caller's thread. */
export interface AppendRequest {
  readonly id: number;
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  /** [event id, type, data JSON, metadata JSON] per event. */
  readonly rows: readonly (readonly [string, string, string, string])[];
  readonly marker: AppendMarker | undefined;
}

/** What became of one append of a group commit; every append of a group gets one. */
export type AppendOutcome =
  | { readonly id: number; readonly kind: 'written'; readonly nextExpectedRevision: number; readonly position: number }
  | { readonly id: number; readonly kind: 'conflict'; readonly actual: number | null }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string; readonly code: string | undefined };

export type WriterMessage = { readonly kind: 'append'; readonly request: AppendRequest } | { readonly kind: 'close' };

/** Sent once per group commit, after its COMMIT returned (the WAL is synced: synchronous=FULL). */
export interface GroupCommitted {
  readonly outcomes: readonly AppendOutcome[];
}
