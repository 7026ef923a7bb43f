import type { RecordedEvent } from '#event-store';
import type { ReadModel } from '../read-model.js';
import { documentIdsOf, foldShare } from './fold-batch.js';

const event = (position: number, type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ id: `e${position}`, position, revision: position - 1, streamId: 's', type, data, metadata: { time: 't', actor: 'a' } }) as unknown as RecordedEvent;

/** Counts per key; throws on a `Poison` event, as a bug in a read model would. */
const counter: ReadModel<{ count: number }> = {
  name: 'counter',
  version: 1,
  handles: new Set(['Counted', 'Poison', 'Dropped']),
  documentId: (e) => String((e.data as { key: string }).key),
  evolve(document, e) {
    if (e.type === 'Poison') throw new Error('cannot fold this');
    if (e.type === 'Dropped') return null;
    return { count: (document?.count ?? 0) + 1 };
  },
};

describe('foldShare', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  it('folds each document once per batch from what was loaded, stamped with its last event, skipping types it does not read', () => {
    const events = [event(1, 'Counted', { key: 'a' }), event(2, 'Other', { key: 'a' }), event(3, 'Counted', { key: 'a' }), event(4, 'Counted', { key: 'b' })];
    const folded = foldShare({ model: counter, events, checkpoint: 0 }, new Map([['a', { doc: { count: 10 }, lastPosition: 0 }]]), now);
    expect([...folded.writes]).toEqual([
      ['a', { doc: { count: 12 }, lastPosition: 3 }],
      ['b', { doc: { count: 1 }, lastPosition: 4 }],
    ]);
    expect(folded).toMatchObject({ checkpoint: 0, position: 4, deadLetters: [] });
  });

  it('ignores an event a document already saw, so a replay changes nothing', () => {
    const folded = foldShare({ model: counter, events: [event(5, 'Counted', { key: 'a' })], checkpoint: 0 }, new Map([['a', { doc: { count: 3 }, lastPosition: 5 }]]), now);
    expect(folded.writes.size).toBe(0);
    expect(folded.position).toBe(5);
  });

  it('turns an event evolve throws on into a dead letter and folds the rest', () => {
    const events = [event(1, 'Counted', { key: 'a' }), event(2, 'Poison', { key: 'a' }), event(3, 'Counted', { key: 'a' })];
    const folded = foldShare({ model: counter, events, checkpoint: 0 }, new Map(), now);
    expect(folded.writes.get('a')).toEqual({ doc: { count: 2 }, lastPosition: 3 });
    expect(folded.deadLetters).toEqual([
      { projection: 'counter', position: 2, eventId: 'e2', streamId: 's', type: 'Poison', error: expect.stringContaining('cannot fold this'), at: now.toISOString() },
    ]);
  });

  it('deletes a document evolve returns null for, and dead-letters an event without a document id', () => {
    const events = [event(1, 'Dropped', { key: 'a' }), event(2, 'Counted', {})];
    const broken: ReadModel<{ count: number }> = { ...counter, documentId: (e) => (e.data as { key: string }).key.toString() };
    const folded = foldShare({ model: broken, events, checkpoint: 0 }, new Map([['a', { doc: { count: 1 }, lastPosition: 0 }]]), now);
    expect([...folded.writes]).toEqual([['a', null]]);
    expect(folded.deadLetters.map((letter) => letter.position)).toEqual([2]);
    expect(documentIdsOf({ model: broken, events, checkpoint: 0 })).toEqual(['a']);
  });

  it('loads nothing for an append-only model: each event is a document of its own', () => {
    const log: ReadModel<{ type: string }> = { ...counter, appendOnly: true, documentId: (e) => String(e.position), evolve: (_, e) => ({ type: e.type }) };
    const events = [event(1, 'Counted', { key: 'a' }), event(2, 'Counted', { key: 'a' })];
    expect(documentIdsOf({ model: log, events, checkpoint: 0 })).toEqual([]);
    expect([...foldShare({ model: log, events, checkpoint: 0 }, new Map(), now).writes.keys()]).toEqual(['1', '2']);
  });
});
