import type { EventStore, NewEvent } from '#event-store';

const metadata = {
  actor: 'test',
  correlationId: 'c',
  causationId: 'c',
  sourceIp: null,
  time: '2025-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

function event(type: string, data: Record<string, unknown>): NewEvent {
  return { type, data, metadata };
}

/** A small deterministic pseudo-random generator, so a child process can produce the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

/** Appends `count` events over a few dozen streams: creations, renames, deletions and noise. */
export async function appendSampleEvents(store: EventStore, count: number, seed = 1): Promise<void> {
  const next = random(seed);
  const revisions = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const streamId = `thing-${Math.floor(next() * 40)}`;
    const revision = revisions.get(streamId);
    const roll = next();
    const type =
      revision === undefined ? 'ThingCreated' : roll < 0.7 ? 'ThingRenamed' : roll < 0.8 ? 'ThingDeleted' : 'Noise';
    const data = { name: `name-${i}`, group: `group-${i % 3}` };
    const result = await store.appendToStream(streamId, [event(type, data)], {
      expectedRevision: revision ?? 'no_stream',
    });
    revisions.set(streamId, result.nextExpectedRevision);
  }
}

export async function appendEvent(
  store: EventStore,
  streamId: string,
  type: string,
  data: Record<string, unknown>,
): Promise<number> {
  return (await store.appendToStream(streamId, [event(type, data)], { expectedRevision: 'any' })).position;
}
