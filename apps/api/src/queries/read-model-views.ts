import { connectorFields } from '#audit';
import type { AppConnectorDocument, UserGroupDocument } from '#read-model';

/** An app connector as the query API shows it: its fields without the tokens (listed on their own), a summary of both, and the stamp. */
export function appConnectorView({ state: connector, ...stamp }: AppConnectorDocument) {
  return {
    ...connectorFields(connector),
    /** `open`: no IP restrictions; otherwise whether the lines allow or exclude (the domain forbids mixing). */
    accessMode: connector.ipRestrictions[0]?.access ?? 'open',
    tokenCount: connector.tokens.filter((token) => !token.revoked).length,
    ...stamp,
  };
}

export function userGroupView({ state: group, ...stamp }: UserGroupDocument) {
  return { id: group.groupId, environmentId: group.environmentId, name: group.name, members: group.members, ...stamp };
}
