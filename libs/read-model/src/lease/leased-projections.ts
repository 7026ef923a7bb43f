import type { ProjectionRunner, RunnerLogger } from '../projection/projection-runner.js';
import type { ProjectorLease } from './projector-lease.port.js';

export interface LeasedProjectionsOptions {
  readonly runner: Pick<ProjectionRunner, 'start' | 'stop'>;
  readonly lease: ProjectorLease;
  /** This process, as the lease names it (unique per run). */
  readonly holder: string;
  /** The read models this process projects: `modelsSignature(READ_MODELS)`. */
  readonly models: string;
  /** How long a taken lease lasts without renewal; default 5000 ms. */
  readonly ttlMs?: number;
  /** How often the holder renews and a waiting process tries; default 1000 ms. */
  readonly renewEveryMs?: number;
  readonly logger?: Pick<RunnerLogger, 'warn'> & { info(message: string): void };
}

export type ProjectorRole = 'projecting' | 'standby' | 'stopped';

/**
 * Runs the projections only while this process holds the read store's lease: renews it every
 * `renewEveryMs`, stops projecting as soon as a renewal fails (another process may take it once it
 * expires), and keeps trying while another holds it. A holder that stalls past its expiry and
 * commits one more batch is caught by the store's checkpoint check, so the lease keeps out wasted
 * work and the check keeps out double writes.
 */
export class LeasedProjections {
  private role: ProjectorRole = 'stopped';
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;

  constructor(private readonly options: LeasedProjectionsOptions) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.renewEveryMs = options.renewEveryMs ?? 1000;
    if (this.renewEveryMs * 2 > this.ttlMs) throw new Error('the lease must be renewed at least twice within its lifetime');
  }

  /** Resolves after the first try: projecting when the lease was free, standing by otherwise. */
  async start(): Promise<void> {
    if (this.timer) return;
    this.role = 'standby';
    await this.step(true);
    // unref: a waiting projector never keeps a process alive that has nothing else to do.
    this.timer = setInterval(() => void this.step(false), this.renewEveryMs).unref();
  }

  /** Stops projecting and lets the lease go, so a waiting process takes over at its next try. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.tick;
    if (this.role === 'projecting') {
      await this.options.runner.stop();
      await this.options.lease.release(this.options.holder).catch(() => undefined);
    }
    this.role = 'stopped';
  }

  get state(): ProjectorRole {
    return this.role;
  }

  private step(first: boolean): Promise<void> {
    this.tick = this.tick.then(() => this.tryLease(first));
    return this.tick;
  }

  private async tryLease(first: boolean): Promise<void> {
    if (this.role === 'stopped') return;
    const { lease, holder, models, runner, logger } = this.options;
    let held: boolean;
    try {
      held = await lease.acquire(holder, models, this.ttlMs);
    } catch (error) {
      logger?.warn(`projector lease: could not take or renew it: ${(error as Error).message}`);
      held = false;
    }
    if (held && this.role === 'standby') {
      this.role = 'projecting';
      logger?.info('projector lease taken: projecting');
      await runner.start();
    } else if (!held && this.role === 'projecting') {
      this.role = 'standby';
      logger?.warn('projector lease lost: stopped projecting, waiting to take it again');
      await runner.stop();
    } else if (!held && first) {
      const current = await lease.current().catch(() => null);
      logger?.info(`projector lease held by ${current?.holder ?? 'another process'}: standing by to take over when it expires`);
    }
  }
}
