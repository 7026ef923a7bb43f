import type { Decider } from '../decider.js';
import { conflict } from '../domain-error.js';
import { deciderSpec } from './given-when-then.js';

type Event = { type: 'Counted'; data: { n: number } };
type Command = { type: 'Count'; data: { max: number } };

const counter: Decider<number, Command, Event> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.n,
  decide: (command, state) => {
    if (state >= command.data.max) throw conflict('full', 'counter is full', 'max');
    return [{ type: 'Counted', data: { n: 1 } }];
  },
};
const given = deciderSpec(counter);
const counted: Event = { type: 'Counted', data: { n: 1 } };
const count = (max: number): Command => ({ type: 'Count', data: { max } });

describe('given / when / then', () => {
  it('passes when the decided events equal the expected ones', () => {
    given([counted]).when(count(2)).then([counted]);
  });

  it('fails when the decided events differ', () => {
    expect(() => given([]).when(count(2)).then([])).toThrow();
  });

  it('folds the history before deciding', () => {
    given([counted, counted]).when(count(2)).thenThrows('conflict', 'full', 'max');
  });

  it('fails thenThrows when nothing was thrown, or the kind, code or field differ', () => {
    expect(() => given([]).when(count(2)).thenThrows('conflict', 'full')).toThrow('expected a DomainError');
    expect(() => given([counted]).when(count(1)).thenThrows('invalid', 'full')).toThrow();
    expect(() => given([counted]).when(count(1)).thenThrows('conflict', 'other')).toThrow();
    expect(() => given([counted]).when(count(1)).thenThrows('conflict', 'full', 'other')).toThrow();
  });
});
