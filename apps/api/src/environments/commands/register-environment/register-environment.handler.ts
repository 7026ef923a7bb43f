import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, hex, runtimeOf, writtenState } from '#application';
import { environmentDecider, environmentStreamName, hashSecret, type RegisterEnvironment } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { RegisterEnvironmentCommand, type EnvironmentRegistration } from './register-environment.command.js';

@CommandHandler(RegisterEnvironmentCommand)
export class RegisterEnvironmentHandler implements ICommandHandler<RegisterEnvironmentCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ environmentId, name, context }: RegisterEnvironmentCommand): Promise<EnvironmentRegistration> {
    const runtime = runtimeOf(this.deps, context);
    const environmentKey = hex(runtime.randomBytes(16));
    const command: RegisterEnvironment = { type: 'RegisterEnvironment', data: { environmentId, name, environmentKeyHash: hashSecret(environmentKey) } };
    const written = writtenState(await executeCommand(this.deps, environmentStreamName(environmentId), environmentDecider, command, context));
    return { ...written, environmentKey };
  }
}
