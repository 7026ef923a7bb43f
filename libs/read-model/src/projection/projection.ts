import type { RecordedEvent } from '#event-store';
import type { CollectionSpec, ReadTransaction } from '../store/read-store.port.js';

/**
 * Turns events into read-model documents. `apply` must be idempotent: applying an event that was
 * already applied changes nothing (documents carry the last applied position; see
 * `evolveDocument`). It must only touch the store through `tx`, so that its writes commit together
 * with the checkpoint, and must not keep state of its own between calls.
 */
export interface Projection {
  /** Stable name: checkpoints and dead letters are keyed by it. */
  readonly name: string;
  /** Bump when `apply` or the documents change shape; the new version needs a rebuild. */
  readonly version: number;
  readonly collections: readonly CollectionSpec[];
  handles(eventType: string): boolean;
  apply(event: RecordedEvent, tx: ReadTransaction): Promise<void>;
}

export function collectionsOf(projections: readonly Projection[]): CollectionSpec[] {
  const byName = new Map<string, CollectionSpec>();
  for (const projection of projections) {
    for (const spec of projection.collections) {
      const known = byName.get(spec.name);
      byName.set(spec.name, known ? { name: spec.name, indexes: [...known.indexes, ...spec.indexes] } : spec);
    }
  }
  return [...byName.values()];
}

/** Raised around a throwing `apply`, so that the engine can tell a poison event from a store failure. */
export class ProjectionApplyError extends Error {
  override readonly name = 'ProjectionApplyError';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`${projection} failed on ${event.type} at position ${event.position}: ${describeError(cause)}`);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? summarizeError(error);
  return String(error);
}

/** `Name: message`, never a stack (no file paths): what may be shown outside the log. */
export function summarizeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
