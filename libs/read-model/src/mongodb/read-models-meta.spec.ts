import { checkpointUpdate, collectionOf, firstConflict, judgeShare, META_ID, modelOfCollection, startRebuildUpdate, switchUpdate, type MetaDocument } from './read-models-meta.js';

const meta = (over: Partial<MetaDocument> = {}): MetaDocument => ({
  _id: META_ID,
  generation: 3,
  live: { users: { collection: 'users__g3', version: 1, checkpoint: 40 }, tokens: { collection: 'tokens__g2', version: 2, checkpoint: 40 } },
  rebuild: {},
  ...over,
});

describe('the read models meta document', () => {
  describe('a share of a batch against the stored checkpoint', () => {
    it('is applied from where it starts, known as applied at its end, and a conflict anywhere else', () => {
      expect(judgeShare(40, 40, 50)).toBe('apply');
      expect(judgeShare(50, 40, 50)).toBe('already-applied');
      expect(judgeShare(45, 40, 50)).toBe('conflict');
      expect(judgeShare(60, 40, 50)).toBe('conflict');
    });
  });

  describe('moving the checkpoints of a batch', () => {
    const moves = [
      { model: 'users', collection: 'users__g3', from: 40, to: 50 },
      { model: 'tokens', collection: 'tokens__g2', from: 40, to: 50 },
    ];

    it('matches only where every checkpoint still is where its share started, in the same collection', () => {
      expect(checkpointUpdate('live', moves)).toEqual({
        filter: { _id: META_ID, 'live.users.collection': 'users__g3', 'live.users.checkpoint': 40, 'live.tokens.collection': 'tokens__g2', 'live.tokens.checkpoint': 40 },
        update: { $set: { 'live.users.checkpoint': 50, 'live.tokens.checkpoint': 50 } },
      });
      expect(Object.keys(checkpointUpdate('rebuild', moves.slice(0, 1)).update.$set!)).toEqual(['rebuild.users.checkpoint']);
    });

    it('after matching nothing, accepts checkpoints already moved there and names the first one that is elsewhere', () => {
      const moved = meta({ live: { users: { collection: 'users__g3', version: 1, checkpoint: 50 }, tokens: { collection: 'tokens__g2', version: 2, checkpoint: 50 } } });
      expect(firstConflict(moved, 'live', moves)).toBeNull();
      expect(firstConflict(meta(), 'live', moves)).toEqual({ move: moves[0], stored: 40 });
      const switched = meta({ live: { ...moved.live, tokens: { collection: 'tokens__g4', version: 2, checkpoint: 50 } } });
      expect(firstConflict(switched, 'live', moves)).toEqual({ move: moves[1], stored: 50 });
      expect(firstConflict(null, 'live', moves)).toEqual({ move: moves[0], stored: 0 });
    });
  });

  describe('a rebuild', () => {
    it('fills the next generation\'s collections, from position 0, named after the generation it started in', () => {
      expect(collectionOf('users', 4)).toBe('users__g4');
      expect(modelOfCollection(collectionOf('user_groups', 12))).toBe('user_groups');
      expect(['read_model_meta', 'users', 'users__rebuild', 'users__g'].map(modelOfCollection)).toEqual([undefined, undefined, undefined, undefined]);
      expect(startRebuildUpdate(3, [{ name: 'users', version: 2 }])).toEqual({
        filter: { _id: META_ID, generation: 3 },
        update: { $set: { 'rebuild.users': { collection: 'users__g4', version: 2, checkpoint: 0 } } },
      });
    });

    it('switches every rebuilt model with its checkpoint and moves the generation on, in one update matched on all it read', () => {
      const rebuilding = meta({ rebuild: { users: { collection: 'users__g4', version: 2, checkpoint: 70 }, tokens: { collection: 'tokens__g4', version: 2, checkpoint: 70 } } });
      expect(switchUpdate(rebuilding, ['users', 'tokens'])).toEqual({
        filter: {
          _id: META_ID,
          generation: 3,
          'rebuild.users.collection': 'users__g4',
          'rebuild.users.checkpoint': 70,
          'rebuild.tokens.collection': 'tokens__g4',
          'rebuild.tokens.checkpoint': 70,
        },
        update: {
          $set: { 'live.users': rebuilding.rebuild['users'], 'live.tokens': rebuilding.rebuild['tokens'] },
          $unset: { 'rebuild.users': '', 'rebuild.tokens': '' },
          $inc: { generation: 1 },
        },
      });
    });

    it('refuses to switch a model that was not rebuilt', () => {
      expect(() => switchUpdate(meta(), ['users'])).toThrow('no rebuild of read model users was started');
    });
  });
});
