import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, hex, loadUserGroup, runtimeOf, writtenState } from '#application';
import { AFAS_TOKEN_DATA_BYTES, appConnectorDecider, formatAfasToken, hashTokenData, tokenHint, type AppConnectorState, type RotateToken } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { connectorStream } from '../connector-target.js';
import { RotateTokenCommand, type RotatedToken } from './rotate-token.command.js';

/** As GenerateToken: the new token's hash and hint go into the events, its text only into the answer. */
@CommandHandler(RotateTokenCommand)
export class RotateTokenHandler implements ICommandHandler<RotateTokenCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ target, tokenId, overlapSeconds, context }: RotateTokenCommand): Promise<RotatedToken> {
    const runtime = runtimeOf(this.deps, context);
    const secret = runtime.randomBytes(AFAS_TOKEN_DATA_BYTES);
    const data = hex(secret).toUpperCase();
    const newTokenId = runtime.newId();
    const now = runtime.now().toISOString();
    // The user is the rotated token's, known once the connector's stream is read.
    const command = async (connector: AppConnectorState): Promise<RotateToken> => {
      const userId = connector?.tokens.find((token) => token.tokenId === tokenId)?.userId;
      return {
        type: 'RotateToken',
        data: {
          tokenId,
          newTokenId,
          tokenHash: hashTokenData(data),
          tokenHint: tokenHint(data),
          userIsMember: connector !== null && userId !== undefined && (await this.isMember(target.environmentId, connector.userGroupId, userId)),
          now,
          overlapSeconds,
        },
      };
    };
    const written = writtenState(await executeCommand(this.deps, connectorStream(target), appConnectorDecider, command, context));
    const issued = written.state.tokens.find((token) => token.tokenId === newTokenId)!;
    const previous = written.state.tokens.find((token) => token.tokenId === tokenId)!;
    return { ...written, issued, previous, text: formatAfasToken(secret) };
  }

  private async isMember(environmentId: string, groupId: string, userId: string): Promise<boolean> {
    return (await loadUserGroup(this.deps, environmentId, groupId))?.members.includes(userId) ?? false;
  }
}
