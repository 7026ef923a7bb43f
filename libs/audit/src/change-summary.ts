import type { AppConnectorEvent, AppConnectorState } from '#domain';

/**
 * One line saying what an event changed, for timelines: "granted GetConnectors Profit_Debtors",
 * "token …A1B2 for 12345.jdoe (laptop) generated". `before` is the connector's state before the
 * event; it supplies what the event itself does not repeat (the hint of a revoked token, the access
 * of a removed IP restriction).
 */
export function summarizeChange(event: { readonly type: string; readonly data: object }, before: AppConnectorState): string {
  const known = event as AppConnectorEvent;
  switch (known.type) {
    case 'AppConnectorCreated': {
      const { description, userGroupId, blocked } = known.data;
      return `created "${description}" for user group ${userGroupId}${blocked ? ', blocked' : ''}`;
    }
    case 'AppConnectorDescriptionChanged':
      return `description changed${before ? ` from "${before.description}"` : ''} to "${known.data.description}"`;
    case 'AppConnectorUserGroupAssigned':
      return `user group ${known.data.userGroupId} assigned${before ? ` (was ${before.userGroupId})` : ''}`;
    case 'AppConnectorBlocked':
      return 'blocked';
    case 'AppConnectorUnblocked':
      return 'unblocked';
    case 'GetConnectorsGranted':
      return `granted GetConnectors ${known.data.names.join(', ')}`;
    case 'GetConnectorRevoked':
      return `revoked GetConnector ${known.data.name}`;
    case 'UpdateConnectorsGranted':
      return `granted UpdateConnectors ${known.data.names.join(', ')}`;
    case 'UpdateConnectorRevoked':
      return `revoked UpdateConnector ${known.data.name}`;
    case 'SpecialConnectorsAdded':
      return `special connectors ${known.data.names.join(', ')} added`;
    case 'SpecialConnectorRemoved':
      return `special connector ${known.data.name} removed`;
    case 'IpRestrictionAdded':
      return `IP restriction ${known.data.access} ${known.data.cidr} added`;
    case 'IpRestrictionRemoved': {
      const access = before?.ipRestrictions.find((line) => line.restrictionId === known.data.restrictionId)?.access;
      return `IP restriction ${access ? `${access} ` : ''}${known.data.cidr} removed`;
    }
    case 'TokenGenerated':
      return `token ${known.data.tokenHint} for ${known.data.userId} (${known.data.description}) generated`;
    case 'TokenRevoked': {
      const token = before?.tokens.find((candidate) => candidate.tokenId === known.data.tokenId);
      return token ? `token ${token.tokenHint} for ${token.userId} (${token.description}) revoked` : `token ${known.data.tokenId} of ${known.data.userId} revoked`;
    }
    default:
      // No never-check: a timeline must still print streams written by a newer version of the service.
      return `${event.type} (no summary for this event type)`;
  }
}
