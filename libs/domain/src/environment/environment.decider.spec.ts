import { fold } from '../shared/decider.js';
import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { RegisterEnvironment } from './environment.commands.js';
import { environmentDecider } from './environment.decider.js';
import type { EnvironmentRegistered } from './environment.events.js';
import { environmentStreamName } from './environment.events.js';

const given = deciderSpec(environmentDecider);
const keyHash = 'a'.repeat(64);

const register = (data: Partial<RegisterEnvironment['data']> = {}): RegisterEnvironment => ({
  type: 'RegisterEnvironment',
  data: { environmentId: '12345', name: 'Acme', environmentKeyHash: keyHash, ...data },
});
const registered: EnvironmentRegistered = {
  type: 'EnvironmentRegistered',
  data: { environmentId: '12345', name: 'Acme', environmentKeyHash: keyHash },
};

describe('environment decider', () => {
  it('registers a new environment with a trimmed name', () => {
    given([]).when(register({ name: '  Acme  ' })).then([registered]);
  });

  it.each(['12345', 'O12345AB', 'a'.repeat(32)])('accepts the environment id %s', (environmentId) => {
    given([])
      .when(register({ environmentId }))
      .then([{ ...registered, data: { ...registered.data, environmentId } }]);
  });

  it.each(['', '12345.', '123-45', 'a'.repeat(33), ' 12345'])('refuses the environment id "%s"', (environmentId) => {
    given([]).when(register({ environmentId })).thenThrows('invalid', 'environmentId_invalid', 'environmentId');
  });

  it('refuses an empty name and a name over 200 characters', () => {
    given([]).when(register({ name: '   ' })).thenThrows('invalid', 'name_required', 'name');
    given([]).when(register({ name: 'x'.repeat(201) })).thenThrows('invalid', 'name_too_long', 'name');
  });

  it('accepts a name of exactly 200 characters', () => {
    const name = 'x'.repeat(200);
    given([]).when(register({ name })).then([{ ...registered, data: { ...registered.data, name } }]);
  });

  it('refuses a key hash that is not 64 lowercase hex', () => {
    given([])
      .when(register({ environmentKeyHash: 'A'.repeat(64) }))
      .thenThrows('invalid', 'environmentKeyHash_invalid', 'environmentKeyHash');
  });

  it('refuses to register an existing environment again, even with the same data', () => {
    given([registered]).when(register()).thenThrows('conflict', 'environment_exists');
  });

  it('names its stream after the environment', () => {
    expect(environmentStreamName('12345')).toBe('environment-12345');
  });
  describe('RotateEnvironmentKey', () => {
    const rotate = (environmentKeyHash = 'b'.repeat(64)) => ({ type: 'RotateEnvironmentKey', data: { environmentKeyHash } }) as const;

    it('replaces the key hash, so that only the new key matches', () => {
      given([registered]).when(rotate()).then([{ type: 'EnvironmentKeyRotated', data: { environmentId: '12345', environmentKeyHash: 'b'.repeat(64) } }]);
      const rotated = { type: 'EnvironmentKeyRotated', data: { environmentId: '12345', environmentKeyHash: 'b'.repeat(64) } } as const;
      expect(fold(environmentDecider, [registered, rotated])).toEqual({ environmentId: '12345', name: 'Acme', environmentKeyHash: 'b'.repeat(64) });
    });

    it('refuses an unknown environment and a malformed hash', () => {
      given([]).when(rotate()).thenThrows('not_found', 'environment_not_found');
      given([registered]).when(rotate('B'.repeat(64))).thenThrows('invalid', 'environmentKeyHash_invalid', 'environmentKeyHash');
    });
  });
});
