import type { LeaseHolder, ProjectorLease } from '../lease/projector-lease.port.js';
import type { LeasedProjections, ProjectorRole } from '../lease/leased-projections.js';
import type { CheckpointWatcher } from './checkpoint-watcher.js';
import type { ProjectionRunner, ProjectionRunnerStatus } from './projection-runner.js';

export interface ReadSideStatus extends Omit<ProjectionRunnerStatus, 'state'> {
  /** The runner's state while this process projects; `observing` while another process does. */
  readonly state: ProjectionRunnerStatus['state'] | 'observing';
  /** `off`: this process never projects (PROJECTIONS=off). */
  readonly role: ProjectorRole | 'off';
  /** Who holds the projector lease and until when (ISO-8601); null when no process ever did. */
  readonly lease: { readonly holder: string; readonly expiresAt: string; readonly live: boolean } | null;
}

export interface ReadSideParts {
  readonly runner: ProjectionRunner;
  readonly watcher: CheckpointWatcher;
  readonly lease: ProjectorLease;
  /** Absent with projections off. */
  readonly projector?: LeasedProjections;
}

/**
 * What queries and /health see of the read models, whichever process projects them: this process's
 * runner while it holds the lease (positions as it commits them), the checkpoints another process
 * commits otherwise (read from the store).
 */
export class ReadSide {
  constructor(private readonly parts: ReadSideParts) {}

  async start(): Promise<void> {
    await this.parts.watcher.start();
    await this.parts.projector?.start();
  }

  async stop(): Promise<void> {
    await this.parts.projector?.stop();
    this.parts.watcher.stop();
  }

  private get projecting(): boolean {
    return this.parts.projector?.state === 'projecting';
  }

  position(): number {
    const observed = this.parts.watcher.position();
    return this.projecting ? Math.max(observed, this.parts.runner.position()) : observed;
  }

  /** For read-your-writes: true once every read model has committed `position`, false after the timeout. */
  async waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    if (this.projecting && (await this.parts.runner.waitForPosition(position, timeoutMs))) return true;
    // Not projecting here, or the lease moved during the wait: the store's checkpoints tell.
    return this.parts.watcher.waitForPosition(position, Math.max(0, deadline - Date.now()));
  }

  async status(): Promise<ReadSideStatus> {
    const { runner, watcher, lease, projector } = this.parts;
    const holder = await lease.current().catch(() => null);
    const shown = holder && (await this.describe(holder));
    const role = projector?.state ?? 'off';
    if (this.projecting) return { ...(await runner.status()), role, lease: shown };
    const observed = await runner.status();
    const position = await watcher.refresh().catch(() => watcher.position());
    return {
      ...observed,
      state: 'observing',
      position,
      lag: observed.headPosition === null ? null : Math.max(0, observed.headPosition - position),
      lastError: null,
      projections: observed.projections.map((projection) => ({ ...projection, checkpoint: watcher.checkpoint(projection.name) })),
      role,
      lease: shown,
    };
  }

  retryDeadLetter(id: string): Promise<void> {
    return this.parts.runner.retryDeadLetter(id);
  }

  private async describe(holder: LeaseHolder) {
    const now = await this.parts.lease.now().catch(() => Date.now());
    return { holder: holder.holder, expiresAt: new Date(holder.expiresAt).toISOString(), live: holder.expiresAt > now };
  }
}
