import type { FoldedShare, StoredDocument } from '../engine/fold-batch.js';
import type { ReadModel } from '../read-model.js';
import { deadLetterId, deadLetterOperations, documentOperations } from './guarded-writes.js';

const model = (appendOnly = false) => ({ name: 'users', version: 1, handles: new Set<string>(), appendOnly, documentId: () => 'x', evolve: () => null }) as ReadModel;
const share = (writes: [string, StoredDocument | null][], appendOnly = false): FoldedShare => ({ model: model(appendOnly), writes: new Map(writes), deadLetters: [], checkpoint: 10, position: 20 });

describe('the guarded writes of a batch', () => {
  it('replaces or inserts a document only where the stored one is older than it', () => {
    expect(documentOperations(share([['u1', { doc: { name: 'Ann' }, lastPosition: 15 }]]))).toEqual([
      { replaceOne: { filter: { _id: 'u1', lastPosition: { $lt: 15 } }, replacement: { lastPosition: 15, doc: { name: 'Ann' } }, upsert: true } },
    ]);
  });

  it('writes a deletion as a tombstone at the batch\'s last position, guarded the same way', () => {
    expect(documentOperations(share([['u1', null]]))).toEqual([
      { replaceOne: { filter: { _id: 'u1', lastPosition: { $lt: 20 } }, replacement: { lastPosition: 20, doc: null }, upsert: true } },
    ]);
  });

  it('inserts the documents of an append-only model under their own id, which a replay finds taken', () => {
    expect(documentOperations(share([['17', { doc: { type: 'TokenRevoked' }, lastPosition: 17 }]], true))).toEqual([
      { insertOne: { document: { _id: '17', lastPosition: 17, doc: { type: 'TokenRevoked' } } } },
    ]);
  });

  it('inserts a dead letter once per collection and event', () => {
    const letter = { projection: 'users', position: 17, eventId: 'e17', streamId: 's', type: 'UserRegistered', error: 'boom', at: '2025-01-01T00:00:00.000Z' };
    const [operation] = deadLetterOperations([letter], 'users__g2');
    expect(operation).toEqual({ updateOne: { filter: { _id: 'users-g2-17' }, update: { $setOnInsert: { ...letter, collection: 'users__g2' } }, upsert: true } });
    expect(deadLetterOperations([letter], 'users__g2')).toEqual([operation]);
    expect(deadLetterId('users__g3', 17)).not.toBe(deadLetterId('users__g2', 17));
  });

  it('names a dead letter by an id the API takes in its path', () => {
    // The admin API's id parameter (POST /projections/dead-letters/:id/retry): letters, digits, hyphens, up to 64.
    expect(deadLetterId('communication_connectors__g12', 123_456_789_012_345)).toMatch(/^[A-Za-z0-9-]{1,64}$/);
  });
});
