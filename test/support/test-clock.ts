import { nodeRuntime, type Runtime } from '#application';

/** The app's clock, moved on by tests (an expired password or token, a passed rate-limit window). */
export class TestClock {
  private offsetMs = 0;
  readonly runtime: Runtime = { ...nodeRuntime, now: () => new Date(Date.now() + this.offsetMs) };

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
