interface Waiter {
  readonly position: number;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/** Promises for "the follower has handled position p", settled as batches are handled. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(position: number, current: number, timeoutMs: number): Promise<boolean> {
    if (current >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        // unref: a forgotten wait must not keep the process alive.
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs).unref(),
      };
      this.waiters.add(waiter);
    });
  }

  reached(current: number): void {
    for (const waiter of this.waiters) {
      if (waiter.position <= current) this.settle(waiter, true);
    }
  }

  /** Answers every pending wait with false: nothing will reach them now. */
  abandonAll(): void {
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }
}
