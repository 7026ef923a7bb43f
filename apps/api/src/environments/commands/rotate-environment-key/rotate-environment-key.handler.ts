import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, hex, runtimeOf, writtenState } from '#application';
import { environmentDecider, environmentStreamName, hashSecret, type RotateEnvironmentKey } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import type { EnvironmentRegistration } from '../register-environment/register-environment.command.js';
import { RotateEnvironmentKeyCommand } from './rotate-environment-key.command.js';

@CommandHandler(RotateEnvironmentKeyCommand)
export class RotateEnvironmentKeyHandler implements ICommandHandler<RotateEnvironmentKeyCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, context }: RotateEnvironmentKeyCommand): Promise<EnvironmentRegistration> {
    const environmentKey = hex(runtimeOf(this.deps, context).randomBytes(16));
    const command: RotateEnvironmentKey = { type: 'RotateEnvironmentKey', data: { environmentKeyHash: hashSecret(environmentKey) } };
    const written = writtenState(await executeCommand(this.deps, environmentStreamName(environmentId), environmentDecider, command, context));
    return { ...written, environmentKey };
  }
}
