import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EventStore } from '#event-store';
import { createReadStore, type ReadStoreConfig } from './create-read-store.js';
import { createProjectorLease } from './lease/create-projector-lease.js';
import { LeasedProjections } from './lease/leased-projections.js';
import { modelsSignature } from './lease/projector-lease.port.js';
import { requireSameRelease } from './lease/same-release.js';
import { CheckpointWatcher } from './projection/checkpoint-watcher.js';
import { ProjectionRunner, type RunnerLogger } from './projection/projection-runner.js';
import { ReadSide } from './projection/read-side.js';
import { READ_MODELS } from './read-models/read-models.js';
import type { ReadStore } from './read-store.js';

export interface OpenReadSideOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadStoreConfig;
  /** False: this process never projects, it reads what the projecting process commits. */
  readonly project: boolean;
  readonly logger: RunnerLogger & { info(message: string): void };
  /** Lease timing (default 5000 ms, renewed every 1000 ms). */
  readonly lease?: { readonly ttlMs: number; readonly renewEveryMs: number };
}

export interface OpenedReadSide {
  readonly readStore: ReadStore;
  readonly runner: ProjectionRunner;
  readonly readSide: ReadSide;
  /** Stops projecting (the lease let go), then closes the read store and the lease. */
  close(): Promise<void>;
}

/**
 * The read models of a process: the read store, its projection runner, and the lease that lets only
 * one process at a time run it. Refuses (OtherReleaseProjectingError) when the live lease holder
 * projects other read models. Call `readSide.start()` to begin.
 */
export async function openReadSide(options: OpenReadSideOptions): Promise<OpenedReadSide> {
  const models = modelsSignature(READ_MODELS);
  const lease = await createProjectorLease(options.readStore);
  let readStore: ReadStore;
  try {
    await requireSameRelease(lease, models);
    readStore = await createReadStore(options.readStore);
  } catch (error) {
    await lease.close();
    throw error;
  }
  const runner = new ProjectionRunner({
    eventStore: options.eventStore,
    store: readStore,
    models: READ_MODELS,
    // Far behind (a fresh read store, a restore), pages of 10,000 events per transaction: what
    // `npm run bench:projections` measures, with its peak heap.
    catchUpBatchSize: 10_000,
    logger: options.logger,
  });
  const projector = options.project
    ? new LeasedProjections({ runner, lease, holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, models, logger: options.logger, ...options.lease })
    : undefined;
  const readSide = new ReadSide({ runner, watcher: new CheckpointWatcher(readStore, READ_MODELS), lease, ...(projector ? { projector } : {}) });
  return {
    readStore,
    runner,
    readSide,
    close: async () => {
      await readSide.stop();
      await runner.stop();
      await readStore.close();
      await lease.close();
    },
  };
}
