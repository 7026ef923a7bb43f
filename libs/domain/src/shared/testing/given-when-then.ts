import assert from 'node:assert/strict';
import type { Decider, DomainEvent } from '../decider.js';
import { fold } from '../decider.js';
import { DomainError, type DomainErrorKind } from '../domain-error.js';

/*
 * Test support only (not exported from the package). It uses node:assert rather than jest's
 * `expect` so that it type-checks in the production build too; jest prints its diffs all the same.
 */
export function deciderSpec<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  return (history: readonly Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, fold(decider, history));
      return {
        then(expected: readonly Event[]): void {
          assert.deepEqual(run(), expected);
        },
        thenThrows(kind: DomainErrorKind, code: string, field?: string): DomainError {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          assert.ok(thrown instanceof DomainError, `expected a DomainError, got ${String(thrown)}`);
          assert.deepEqual({ kind: thrown.kind, code: thrown.code }, { kind, code });
          if (field !== undefined) assert.equal(thrown.field, field);
          return thrown;
        },
      };
    },
  });
}
