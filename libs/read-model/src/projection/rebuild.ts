import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore } from '#event-store';
import type { ReadStore } from '../store/read-store.port.js';
import { collectionsOf, type Projection } from './projection.js';
import { projectBatch } from './project-events.js';

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
  readonly projections: readonly Projection[];
  /** Events read and committed per transaction; default 2000. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /**
   * The live runner of this process, if any: when running, it is paused for the final catch-up and the switch, then
   * restarted, when it reloads the generation and checkpoints. A runner in another process needs no
   * pause to stay correct (its transactions name the old generation and fail after the switch, then
   * it resubscribes from the new checkpoints), only to avoid that one failed batch.
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
 * Replays every event into a fresh generation beside the live one (which keeps serving readers),
 * reading the store directly in large batches rather than through a live subscription, then
 * switches generation and checkpoints in one step and drops the old generation. On failure the new
 * generation is dropped and the live one is untouched.
 */
export async function rebuild(options: RebuildOptions): Promise<RebuildResult> {
  const { store, projections, liveRunner } = options;
  const generation = await store.createGeneration(collectionsOf(projections));
  const replay = new Replay(options, generation);
  let switched = false;
  try {
    await replay.toHead('replaying');
    const pausedRunner = liveRunner?.isRunning() ? liveRunner : undefined;
    await pausedRunner?.stop();
    try {
      await replay.toHead('final-catch-up');
      await store.activateGeneration(generation);
      switched = true;
      replay.report('switched');
    } finally {
      await pausedRunner?.start();
    }
  } catch (error) {
    if (!switched) await store.dropGeneration(generation).catch(() => undefined);
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

  constructor(
    private readonly options: RebuildOptions,
    private readonly generation: number,
  ) {}

  async toHead(phase: RebuildProgress['phase']): Promise<void> {
    const batchSize = this.options.batchSize ?? 2000;
    const context = { store: this.options.store, generation: this.generation, now: this.options.now ?? (() => new Date()) };
    this.headPosition = await this.options.eventStore.headPosition();
    for (;;) {
      const events = await this.options.eventStore.readAll({ after: this.position, maxCount: batchSize });
      if (events.length === 0) return;
      const outcomes = await projectBatch(context, this.options.projections.map((projection) => ({ projection, events })));
      for (const { deadLetters } of outcomes) this.deadLetters += deadLetters;
      this.position = events[events.length - 1]!.position;
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
