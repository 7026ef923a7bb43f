import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { AddIpRestriction, AppConnector, IpRestriction } from '#domain';
import type { ConnectorTarget } from '../connector-target.js';

/** The line as the caller writes it; its id is made by the handler. */
export type IpRestrictionInput = Omit<AddIpRestriction['data'], 'restrictionId'>;

export interface AddedIpRestriction extends WrittenState<AppConnector> {
  readonly added: IpRestriction;
}

export class AddIpRestrictionCommand extends Command<AddedIpRestriction> {
  constructor(
    readonly target: ConnectorTarget,
    readonly restriction: IpRestrictionInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
