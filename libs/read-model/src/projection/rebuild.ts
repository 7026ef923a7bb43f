import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore } from '#event-store';
import type { ReadModel } from '../read-model.js';
import type { ReadStore } from '../read-store.js';

export interface RebuildProgress {
  readonly phase: 'replaying' | 'final-catch-up' | 'switched';
  readonly eventsDone: number;
  readonly position: number;
  readonly headPosition: number;
  readonly eventsPerSecond: number;
}

export interface RebuildOptions {
  readonly eventStore: Pick<EventStore, 'readAll' | 'headPosition'>;
  readonly store: ReadStore;
  readonly models: readonly ReadModel[];
  /** Events read and committed per transaction; default 2000. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /**
   * The live runner of this process, if any: paused for the final catch-up and the switch, then
   * restarted. A runner in another process needs no pause to stay correct: its next commit finds
   * the checkpoints moved, and it reloads them.
   */
  readonly liveRunner?: { isRunning(): boolean; stop(): Promise<void>; start(): Promise<void> };
  readonly now?: () => Date;
}

export interface RebuildResult {
  readonly generation: number;
  readonly position: number;
  readonly eventsDone: number;
  readonly deadLetters: number;
}

/**
 * Replays every event into rebuild tables beside the live ones (which keep serving readers), then
 * switches readers, checkpoints and dead letters to them in one step. On failure the rebuild is
 * dropped and the live read models are untouched.
 */
export async function rebuild(options: RebuildOptions): Promise<RebuildResult> {
  const { store, models, liveRunner } = options;
  await store.startRebuild(models);
  const replay = new Replay(options);
  let generation: number | undefined;
  try {
    await replay.toHead('replaying');
    const pausedRunner = liveRunner?.isRunning() ? liveRunner : undefined;
    await pausedRunner?.stop();
    try {
      await replay.toHead('final-catch-up');
      generation = await store.finishRebuild(models);
      replay.report('switched');
    } finally {
      await pausedRunner?.start();
    }
  } catch (error) {
    if (generation === undefined) await store.abandonRebuild(models).catch(() => undefined);
    throw error;
  }
  return { generation, position: replay.position, eventsDone: replay.eventsDone, deadLetters: replay.deadLetters };
}

class Replay {
  position = 0;
  eventsDone = 0;
  deadLetters = 0;
  private headPosition = 0;
  private readonly startedAt = Date.now();

  constructor(private readonly options: RebuildOptions) {}

  async toHead(phase: RebuildProgress['phase']): Promise<void> {
    const { eventStore, store, models } = this.options;
    const batchSize = this.options.batchSize ?? 2000;
    this.headPosition = await eventStore.headPosition();
    for (;;) {
      const events = await eventStore.readAll({ after: this.position, maxCount: batchSize });
      if (events.length === 0) return;
      const shares = models.map((model) => ({ model, events, checkpoint: this.position }));
      this.deadLetters += (await store.project(shares, 'rebuild', this.options.now?.() ?? new Date())).deadLetters;
      this.position = events.at(-1)!.position;
      this.eventsDone += events.length;
      this.headPosition = Math.max(this.headPosition, this.position);
      this.report(phase);
      if (events.length < batchSize) return;
      // On a synchronous store every await above settles at once: let timers and I/O run.
      await nextTurn();
    }
  }

  report(phase: RebuildProgress['phase']): void {
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    this.options.onProgress?.({
      phase,
      eventsDone: this.eventsDone,
      position: this.position,
      headPosition: this.headPosition,
      eventsPerSecond: Math.round(this.eventsDone / seconds),
    });
  }
}
