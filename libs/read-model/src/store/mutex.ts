/**
 * Serialises async critical sections (a transaction on one SQLite connection must not interleave
 * with another). Re-entry from inside the section would wait on itself forever, so a re-entry made
 * while the section's work is starting (before its first `await`, the usual shape of the mistake)
 * throws.
 *
 * Deliberately without AsyncLocalStorage, which would catch later re-entries too: on Node 20 its
 * first use turns on a promise hook for every promise of the process, which cost the HTTP routes
 * about a tenth of their throughput.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private starting = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.starting) {
      throw new Error('nested read-store transaction: it would wait on itself; use the outer transaction');
    }
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await this.start(work);
    } finally {
      release();
    }
  }

  private start<T>(work: () => Promise<T>): Promise<T> {
    this.starting = true;
    try {
      return work();
    } finally {
      this.starting = false;
    }
  }
}
