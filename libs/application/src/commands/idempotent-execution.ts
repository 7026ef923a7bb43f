import type { AppendMarker, MarkedAppend } from '#event-store';
import type { Runtime } from '../ports/runtime.port.js';

/** One value the first run drew from the runtime, in order. */
export type Draw = { readonly kind: 'id'; readonly value: string } | { readonly kind: 'bytes'; readonly value: string } | { readonly kind: 'time'; readonly value: string };

/** Seals what the request drew into a marker and opens it again; the keys never leave the caller. */
export interface DrawSealer {
  seal(draws: readonly Draw[]): Uint8Array;
}

/**
 * A command run under an Idempotency-Key. Its appends carry a marker that commits with them, and
 * the marker seals every value the run had drawn by then (ids, secrets, times). A retry after the
 * first run died replays those draws, so it decides on the same ids and secrets, and takes each
 * append the first run committed as done instead of appending it again: it answers what the first
 * run would have answered, and nothing happens twice.
 */
export class IdempotentExecution {
  private readonly draws: Draw[];
  private cursor = 0;
  private appends = 0;

  constructor(
    private readonly requestId: string,
    private readonly firstRun: { readonly appends: readonly MarkedAppend[]; readonly draws: readonly Draw[] },
    private readonly fresh: Runtime,
    private readonly sealer: DrawSealer,
    private readonly expiresAt: number,
  ) {
    this.draws = [...firstRun.draws];
  }

  readonly runtime: Runtime = {
    now: () => new Date(this.draw('time', () => this.fresh.now().toISOString())),
    newId: () => this.draw('id', () => this.fresh.newId()),
    randomBytes: (size) => Buffer.from(this.draw('bytes', () => Buffer.from(this.fresh.randomBytes(size)).toString('hex')), 'hex'),
  };

  /** The first run's append at this point of the run, when it committed one: it is then done. */
  takeDone(streamId: string): MarkedAppend | undefined {
    const done = this.firstRun.appends.find((append) => append.sequence === this.appends);
    if (!done) return undefined;
    if (done.streamId !== streamId) throw new Error(`the retried request appends to ${streamId} where its first run appended to ${done.streamId}`);
    this.appends += 1;
    return done;
  }

  /** The marker of a new append at this point of the run. */
  markNext(): AppendMarker {
    return { requestId: this.requestId, sequence: this.appends++, sealed: this.sealer.seal(this.draws), expiresAt: this.expiresAt };
  }

  private draw(kind: Draw['kind'], make: () => string): string {
    const replayed = this.draws[this.cursor];
    this.cursor += 1;
    if (replayed) {
      if (replayed.kind !== kind) throw new Error(`the retried request drew ${kind} where its first run drew ${replayed.kind}`);
      return replayed.value;
    }
    const value = make();
    this.draws.push({ kind, value });
    return value;
  }
}
