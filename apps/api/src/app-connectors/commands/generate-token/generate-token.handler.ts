import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { executeCommand, hex, loadUserGroup, runtimeOf, writtenState } from '#application';
import { AFAS_TOKEN_DATA_BYTES, appConnectorDecider, formatAfasToken, hashTokenData, tokenHint, type AppConnectorState, type GenerateToken } from '#domain';
import { UseCaseDepsProvider } from '../../../http/use-case-deps.provider.js';
import { connectorStream } from '../connector-target.js';
import { GenerateTokenCommand, type IssuedToken } from './generate-token.command.js';

/** The token is made here: its hash and hint go into the event, its text only into the answer. */
@CommandHandler(GenerateTokenCommand)
export class GenerateTokenHandler implements ICommandHandler<GenerateTokenCommand> {
  constructor(private readonly deps: UseCaseDepsProvider) {}

  async execute({ target, request, context }: GenerateTokenCommand): Promise<IssuedToken> {
    const runtime = runtimeOf(this.deps, context);
    const secret = runtime.randomBytes(AFAS_TOKEN_DATA_BYTES);
    const data = hex(secret).toUpperCase();
    const tokenId = runtime.newId();
    const now = runtime.now().toISOString();
    // Which group the user must be in is known only once the connector's stream is read.
    const command = async (connector: AppConnectorState): Promise<GenerateToken> => ({
      type: 'GenerateToken',
      data: {
        tokenId,
        userId: request.userId,
        description: request.description,
        tokenHash: hashTokenData(data),
        tokenHint: tokenHint(data),
        userIsMember: connector ? await this.isMember(target.environmentId, connector.userGroupId, request.userId) : false,
        now,
        expiresAt: request.expiresAt ?? null,
      },
    });
    const written = writtenState(await executeCommand(this.deps, connectorStream(target), appConnectorDecider, command, context));
    const issued = written.state.tokens.find((token) => token.tokenId === tokenId)!;
    return { ...written, issued, text: formatAfasToken(secret) };
  }

  private async isMember(environmentId: string, groupId: string, userId: string): Promise<boolean> {
    return (await loadUserGroup(this.deps, environmentId, groupId))?.members.includes(userId) ?? false;
  }
}
