import type { AppConnector } from '#domain';
import type { Written } from './use-case-deps.js';

/** A connector as a command answer shows it: token hashes stay inside. */
export function appConnectorView(state: AppConnector, written: Written) {
  return {
    id: state.appConnectorId,
    environmentId: state.environmentId,
    apiKey: state.apiKey,
    description: state.description,
    blocked: state.blocked,
    userGroupId: state.userGroupId,
    getConnectors: state.getConnectors,
    updateConnectors: state.updateConnectors,
    specialConnectors: state.specialConnectors,
    ipRestrictions: state.ipRestrictions.map(({ restrictionId, access, cidr, family }) => ({ id: restrictionId, access, cidr, family })),
    tokens: state.tokens.map(({ tokenId, userId, description, tokenHint, revoked }) => ({ id: tokenId, userId, description, hint: tokenHint, revoked })),
    version: written.version,
    position: written.position,
  };
}

export type AppConnectorView = ReturnType<typeof appConnectorView>;
