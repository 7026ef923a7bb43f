import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, runtimeOf, writtenState } from '#application';
import { appConnectorDecider, type AddIpRestriction } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { connectorStream } from '../connector-target.js';
import { AddIpRestrictionCommand, type AddedIpRestriction } from './add-ip-restriction.command.js';

@CommandHandler(AddIpRestrictionCommand)
export class AddIpRestrictionHandler implements ICommandHandler<AddIpRestrictionCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ target, restriction, context }: AddIpRestrictionCommand): Promise<AddedIpRestriction> {
    const runtime = runtimeOf(this.deps, context);
    const restrictionId = runtime.newId();
    const command: AddIpRestriction = { type: 'AddIpRestriction', data: { ...restriction, restrictionId } };
    const written = writtenState(await executeCommand(this.deps, connectorStream(target), appConnectorDecider, command, context));
    // The decider adds the line or refuses the command, so the line is there.
    const added = written.state.ipRestrictions.find((line) => line.restrictionId === restrictionId)!;
    return { ...written, added };
  }
}
