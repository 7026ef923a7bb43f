import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { Workflow } from '#domain';

export class CreateWorkflowCommand extends Command<WrittenState<Workflow>> {
  constructor(
    readonly environmentId: string,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
