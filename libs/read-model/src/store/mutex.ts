import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Serialises async critical sections (a transaction on one SQLite connection must not interleave
 * with another). Re-entry from inside the section would wait on itself forever, so it throws.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<Mutex>();

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder.getStore() === this) {
      throw new Error('nested read-store transaction: it would wait on itself; use the outer transaction');
    }
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await this.holder.run(this, work);
    } finally {
      release();
    }
  }
}
