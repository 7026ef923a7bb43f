import { assertNever, type Decider } from '../shared/decider.js';
import { conflict, notFound } from '../shared/domain-error.js';
import { requireEnvironmentId, requireLowerHex, requireText } from '../shared/validation.js';
import type { EnvironmentCommand, RegisterEnvironment } from './environment.commands.js';
import type { EnvironmentEvent } from './environment.events.js';
import { evolveEnvironment, initialEnvironmentState, type EnvironmentState } from './environment.state.js';

export function decideEnvironment(command: EnvironmentCommand, state: EnvironmentState): EnvironmentEvent[] {
  switch (command.type) {
    case 'RegisterEnvironment':
      return register(command.data, state);
    case 'RotateEnvironmentKey': {
      if (state === null) throw notFound('environment_not_found', 'environment does not exist');
      const environmentKeyHash = requireLowerHex(command.data.environmentKeyHash, 'environmentKeyHash', 64);
      return [{ type: 'EnvironmentKeyRotated', data: { environmentId: state.environmentId, environmentKeyHash } }];
    }
    default:
      return assertNever(command);
  }
}

function register(data: RegisterEnvironment['data'], state: EnvironmentState): EnvironmentEvent[] {
  const environmentId = requireEnvironmentId(data.environmentId);
  const name = requireText(data.name, 'name', 200);
  const environmentKeyHash = requireLowerHex(data.environmentKeyHash, 'environmentKeyHash', 64);
  if (state !== null) {
    // Even an identical retry is refused: the key was shown once and cannot be shown again.
    throw conflict('environment_exists', `environment ${environmentId} is already registered`, 'environmentId');
  }
  return [{ type: 'EnvironmentRegistered', data: { environmentId, name, environmentKeyHash } }];
}

export const environmentDecider: Decider<EnvironmentState, EnvironmentCommand, EnvironmentEvent> = {
  initialState: initialEnvironmentState,
  decide: decideEnvironment,
  evolve: evolveEnvironment,
};
