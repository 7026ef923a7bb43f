import type { AppConnectorDocument, UserGroupDocument } from '#read-model';

/** An app connector as the query API shows it: the domain state without its tokens (listed on their own), and the stamp. */
export function appConnectorView({ state: connector, ...stamp }: AppConnectorDocument) {
  return {
    id: connector.appConnectorId,
    environmentId: connector.environmentId,
    apiKey: connector.apiKey,
    description: connector.description,
    blocked: connector.blocked,
    userGroupId: connector.userGroupId,
    getConnectors: connector.getConnectors,
    updateConnectors: connector.updateConnectors,
    specialConnectors: connector.specialConnectors,
    ipRestrictions: connector.ipRestrictions.map(({ restrictionId, access, cidr, family }) => ({ id: restrictionId, access, cidr, family })),
    /** `open`: no IP restrictions; otherwise whether the lines allow or exclude (the domain forbids mixing). */
    accessMode: connector.ipRestrictions[0]?.access ?? 'open',
    tokenCount: connector.tokens.filter((token) => !token.revoked).length,
    ...stamp,
  };
}

export function userGroupView({ state: group, ...stamp }: UserGroupDocument) {
  return { id: group.groupId, environmentId: group.environmentId, name: group.name, members: group.members, ...stamp };
}
