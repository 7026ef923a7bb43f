interface Waiter {
  readonly position: number;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/** Promises for "the read side has reached position p", settled by the runner as it commits. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(position: number, current: number, timeoutMs: number): Promise<boolean> {
    if (current >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        // unref: a forgotten wait must not keep the process alive.
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs).unref(),
      };
      this.waiters.add(waiter);
    });
  }

  reached(current: number): void {
    for (const waiter of this.waiters) {
      if (waiter.position > current) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(true);
    }
  }
}
