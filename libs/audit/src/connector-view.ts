import type { AppConnector } from '#domain';

/** A connector's own fields as every answer shows them: the domain's names made public, IP lines with their ids. */
export function connectorFields(state: AppConnector) {
  return {
    id: state.appConnectorId,
    environmentId: state.environmentId,
    apiKey: state.apiKey,
    description: state.description,
    blocked: state.blocked,
    archived: state.archived,
    userGroupId: state.userGroupId,
    getConnectors: state.getConnectors,
    updateConnectors: state.updateConnectors,
    specialConnectors: state.specialConnectors,
    ipRestrictions: state.ipRestrictions.map(({ restrictionId, access, cidr, family }) => ({ id: restrictionId, access, cidr, family })),
    tokenValidityDays: state.tokenValidityDays,
    rateLimit: state.rateLimit,
  };
}

/**
 * A connector as command answers and the as-of view show it (one shape, so an as-of read equals
 * the answer of the command that wrote that version): token hashes stay inside.
 */
export function appConnectorView(state: AppConnector, written: { readonly version: number; readonly position: number }) {
  return {
    ...connectorFields(state),
    tokens: state.tokens.map(({ tokenId, userId, description, tokenHint, revoked, expiresAt }) => ({
      id: tokenId,
      userId,
      description,
      hint: tokenHint,
      revoked,
      expiresAt,
    })),
    version: written.version,
    position: written.position,
  };
}

export type AppConnectorView = ReturnType<typeof appConnectorView>;
