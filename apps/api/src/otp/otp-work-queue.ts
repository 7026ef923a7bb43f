/** Most token requests waiting for their background work; more are dropped (and logged) rather than kept in memory. */
const MAX_WAITING = 1_000;

/**
 * The work of token requests after their answer, one at a time in arrival order: an answer never
 * waits for it (so it takes as long whether or not anything matched), and a burst of requests
 * cannot start a burst of lookups and appends.
 */
export class OtpWorkQueue {
  private waiting = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** False when the queue is full and `work` was dropped. */
  add(work: () => Promise<void>): boolean {
    if (this.waiting >= MAX_WAITING) return false;
    this.waiting += 1;
    this.tail = this.tail.then(work).catch(this.onError).finally(() => {
      this.waiting -= 1;
    });
    return true;
  }

  /** Resolves when everything added so far is done. */
  idle(): Promise<void> {
    return this.tail;
  }
}
