import type { EventStore } from '#event-store';
import type { Runtime } from '../ports/runtime.port.js';

export interface UseCaseDeps {
  readonly store: EventStore;
  readonly runtime: Runtime;
}

/** What every command answer carries: the stream's version (its ETag) and the global position. */
export interface Written {
  readonly version: number;
  readonly position: number;
}

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
