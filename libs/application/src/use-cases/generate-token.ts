import { AFAS_TOKEN_DATA_BYTES, appConnectorDecider, type AppConnector, appConnectorStreamName, formatAfasToken, hashTokenData, tokenHint } from '#domain';
import type { CommandContext } from '../commands/command-context.js';
import { executeCommand } from '../commands/execute-command.js';
import { loadUserGroup } from './facts.js';
import { hex, type UseCaseDeps, type Written } from './use-case-deps.js';

export interface IssuedToken extends Written {
  readonly id: string;
  readonly appConnectorId: string;
  readonly userId: string;
  readonly description: string;
  readonly hint: string;
  /** The token text, shown this once; only its SHA-256 hash is stored. */
  readonly token: string;
}

/** GenerateToken: the token is made here, its hash and hint go into the event, the text goes back once. */
export async function generateToken(
  deps: UseCaseDeps,
  target: { environmentId: string; appConnectorId: string },
  input: { userId: string; description: string },
  context: CommandContext,
): Promise<IssuedToken> {
  return (await issueToken(deps, target, input, context)).issued;
}

/** GenerateToken, answering with the token and the connector as it is after it (for the quick path). */
export async function issueToken(
  deps: UseCaseDeps,
  target: { environmentId: string; appConnectorId: string },
  input: { userId: string; description: string },
  context: CommandContext,
): Promise<{ issued: IssuedToken; connector: AppConnector; written: Written }> {
  const secret = deps.runtime.randomBytes(AFAS_TOKEN_DATA_BYTES);
  const data = hex(secret).toUpperCase();
  const tokenId = deps.runtime.newId();
  const outcome = await executeCommand(
    deps.store,
    appConnectorStreamName(target.environmentId, target.appConnectorId),
    appConnectorDecider,
    async (connector) => ({
      type: 'GenerateToken' as const,
      data: {
        tokenId,
        userId: input.userId,
        description: input.description,
        tokenHash: hashTokenData(data),
        tokenHint: tokenHint(data),
        userIsMember: connector ? await isMember(deps, target.environmentId, connector.userGroupId, input.userId) : false,
      },
    }),
    context,
    deps.runtime.now(),
  );
  const connector = outcome.state!;
  const stored = connector.tokens.find((t) => t.tokenId === tokenId)!;
  const issued = {
    id: tokenId,
    appConnectorId: target.appConnectorId,
    userId: stored.userId,
    description: stored.description,
    hint: stored.tokenHint,
    token: formatAfasToken(secret),
    version: outcome.version,
    position: outcome.position,
  };
  return { issued, connector, written: outcome };
}

async function isMember(deps: UseCaseDeps, environmentId: string, groupId: string, userId: string): Promise<boolean> {
  return (await loadUserGroup(deps, environmentId, groupId))?.members.includes(userId) ?? false;
}
