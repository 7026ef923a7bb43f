import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '#application';
import type { EnvironmentRegistration } from '../register-environment/register-environment.command.js';

/** Answers the new key, shown once; the old one is void as soon as this is written. */
export class RotateEnvironmentKeyCommand extends Command<EnvironmentRegistration> {
  constructor(
    readonly environmentId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
