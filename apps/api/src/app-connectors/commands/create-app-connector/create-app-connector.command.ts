import { Command } from '@nestjs/cqrs';
import type { CommandContext, WrittenState } from '#application';
import type { AppConnector } from '#domain';
import type { IssuedToken } from '../generate-token/generate-token.command.js';

export type NewAppConnector = (
  | { readonly description: string; readonly userGroupId: string }
  | {
      readonly description: string;
      readonly createUserGroup: true;
      readonly autoGenerateToken?: boolean;
      /** The device the automatic token is for. */
      readonly tokenDescription?: string;
      /** The connector's token validity, set before its token is generated. */
      readonly tokenValidityDays?: number;
    }
) & {
  /** Added once the connector exists (the seed's last step: CommSvcConnector). */
  readonly specialConnectors?: readonly string[];
};

export interface CreatedAppConnector extends WrittenState<AppConnector> {
  /** The quick path's system user, in the group made for the connector. */
  readonly systemUserId?: string;
  readonly token?: IssuedToken;
}

export class CreateAppConnectorCommand extends Command<CreatedAppConnector> {
  constructor(
    readonly environmentId: string,
    readonly connector: NewAppConnector,
    readonly context: CommandContext,
  ) {
    super();
  }
}
