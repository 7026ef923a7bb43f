import { fold } from './decider.js';

describe('fold', () => {
  it('applies events in order to the initial state', () => {
    const state = fold<number[], { type: 'N'; data: { n: number } }>(
      { initialState: () => [], evolve: (s, e) => [...s, e.data.n] },
      [{ type: 'N', data: { n: 1 } }, { type: 'N', data: { n: 2 } }],
    );
    expect(state).toEqual([1, 2]);
  });
});
