export const STOPPED = Symbol('stopped');

/** A stop request that ends at once whatever the follower is waiting for. */
export class StopSignal {
  private isRequested = false;
  private wake: (() => void) | undefined;

  get requested(): boolean {
    return this.isRequested;
  }

  request(): void {
    this.isRequested = true;
    this.wake?.();
  }

  reset(): void {
    this.isRequested = false;
  }

  /**
   * `work`, or STOPPED as soon as a stop is requested. Not a race with one long-lived stop promise:
   * every race would leave a reaction on it holding its result (a whole batch) until the stop.
   */
  orStop<T>(work: Promise<T>): Promise<T | typeof STOPPED> {
    if (this.isRequested) return Promise.resolve(STOPPED);
    return new Promise((resolve, reject) => {
      const wake = () => resolve(STOPPED);
      this.wake = wake;
      const settled = () => {
        if (this.wake === wake) this.wake = undefined;
      };
      work.then(
        (value) => (settled(), resolve(value)),
        (error: unknown) => (settled(), reject(error)),
      );
    });
  }

  /** Waits `ms`, or less on a stop: its timer is cleared then, so a stopping process is not kept alive. */
  pause(ms: number): Promise<void> {
    if (this.isRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
