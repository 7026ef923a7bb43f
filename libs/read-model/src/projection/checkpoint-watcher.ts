import type { ProjectionStore } from '../engine/projection-store.port.js';

interface Waiter {
  readonly position: number;
  readonly deadline: number;
  readonly resolve: (reached: boolean) => void;
}

/**
 * The read models' position as another process commits it: their checkpoints read from the store.
 * Read often (every `pollMs`) while a query waits for a position, seldom otherwise.
 */
export class CheckpointWatcher {
  private readonly checkpoints = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private polling: NodeJS.Timeout | undefined;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Pick<ProjectionStore, 'checkpoint'>,
    private readonly models: readonly { readonly name: string }[],
    private readonly intervals: { readonly pollMs: number; readonly idleMs: number } = { pollMs: 10, idleMs: 1000 },
  ) {
    for (const { name } of models) this.checkpoints.set(name, 0);
  }

  async start(): Promise<void> {
    await this.refresh();
    this.idle ??= setInterval(() => void this.refresh().catch(() => undefined), this.intervals.idleMs).unref();
  }

  stop(): void {
    clearInterval(this.idle);
    clearTimeout(this.polling);
    this.idle = this.polling = undefined;
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  /** Lowest checkpoint over the read models, as last read. */
  position(): number {
    return Math.min(...this.checkpoints.values());
  }

  checkpoint(model: string): number {
    return this.checkpoints.get(model) ?? 0;
  }

  async refresh(): Promise<number> {
    for (const { name } of this.models) this.checkpoints.set(name, await this.store.checkpoint(name));
    return this.position();
  }

  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      this.waiters.add({ position, deadline: Date.now() + timeoutMs, resolve });
      this.schedulePoll();
    });
  }

  private schedulePoll(): void {
    if (this.polling || this.waiters.size === 0) return;
    this.polling = setTimeout(() => void this.poll(), this.intervals.pollMs).unref();
  }

  private async poll(): Promise<void> {
    const current = await this.refresh().catch(() => this.position());
    this.polling = undefined;
    const now = Date.now();
    for (const waiter of this.waiters) {
      if (waiter.position <= current) this.settle(waiter, true);
      else if (now >= waiter.deadline) this.settle(waiter, false);
    }
    this.schedulePoll();
  }

  private settle(waiter: Waiter, reached: boolean): void {
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }
}
