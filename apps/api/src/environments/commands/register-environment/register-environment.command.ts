import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { Environment } from '#domain';

export interface EnvironmentRegistration extends WrittenState<Environment> {
  /** 32 hex, shown once: the `apiToken` of the one-time-password flow. Only its hash is stored. */
  readonly environmentKey: string;
}

export class RegisterEnvironmentCommand extends Command<EnvironmentRegistration> {
  constructor(
    readonly environmentId: string,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
