import type { AppConnectorEvent, AppConnectorState } from '#domain';

type ConnectorEventType = AppConnectorEvent['type'];
type Summary<T extends ConnectorEventType> = (event: Extract<AppConnectorEvent, { type: T }>, before: AppConnectorState) => string;

/** One per event type of the domain: a new connector event is a compile error here until it has its line. */
const SUMMARIES = {
  AppConnectorCreated: ({ data: { description, userGroupId, blocked } }) =>
    `created "${description}" for user group ${userGroupId}${blocked ? ', blocked' : ''}`,
  AppConnectorDescriptionChanged: ({ data }, before) =>
    `description changed${before ? ` from "${before.description}"` : ''} to "${data.description}"`,
  AppConnectorUserGroupAssigned: ({ data }, before) => `user group ${data.userGroupId} assigned${before ? ` (was ${before.userGroupId})` : ''}`,
  AppConnectorBlocked: () => 'blocked',
  AppConnectorUnblocked: () => 'unblocked',
  AppConnectorArchived: () => 'deleted (archived: its tokens are refused, its history kept)',
  GetConnectorsGranted: ({ data }) => `granted GetConnectors ${data.names.join(', ')}`,
  GetConnectorRevoked: ({ data }) => `revoked GetConnector ${data.name}`,
  UpdateConnectorsGranted: ({ data }) => `granted UpdateConnectors ${data.names.join(', ')}`,
  UpdateConnectorRevoked: ({ data }) => `revoked UpdateConnector ${data.name}`,
  SpecialConnectorsAdded: ({ data }) => `special connectors ${data.names.join(', ')} added`,
  SpecialConnectorRemoved: ({ data }) => `special connector ${data.name} removed`,
  IpRestrictionAdded: ({ data }) => `IP restriction ${data.access} ${data.cidr} added`,
  IpRestrictionRemoved: ({ data }, before) => {
    const access = before?.ipRestrictions.find((line) => line.restrictionId === data.restrictionId)?.access;
    return `IP restriction ${access ? `${access} ` : ''}${data.cidr} removed`;
  },
  TokenGenerated: ({ data }) =>
    `token ${data.tokenHint} for ${data.userId} (${data.description}) generated${data.expiresAt ? `, valid until ${data.expiresAt}` : ''}`,
  TokenRevoked: ({ data }, before) => {
    const token = before?.tokens.find((candidate) => candidate.tokenId === data.tokenId);
    return token ? `token ${token.tokenHint} for ${token.userId} (${token.description}) revoked` : `token ${data.tokenId} of ${data.userId} revoked`;
  },
  TokenRotated: ({ data }, before) => {
    const token = before?.tokens.find((candidate) => candidate.tokenId === data.tokenId);
    return `token ${token ? token.tokenHint : data.tokenId} for ${data.userId} rotated to ${data.newTokenId}, valid until ${data.expiresAt}`;
  },
  RateLimitSet: ({ data: { limit } }) => (limit === null ? 'rate limit lifted' : `rate limit set: ${limit.requestsPerSecond} calls per second, bursts of ${limit.burst}`),
  TokenValiditySet: ({ data }) => (data.days === null ? 'token validity cleared: new tokens do not expire' : `token validity set: new tokens valid ${data.days} days`),
  OtpRequested: ({ data }) => `one-time password requested by ${data.userId} for a token (${data.description}), valid until ${data.expiresAt}`,
  OtpAttemptFailed: ({ data }) => `wrong one-time password for ${data.userId} (attempt ${data.failedAttempts}${data.locked ? ', request void' : ''})`,
  OtpAccepted: ({ data }) => `one-time password of ${data.userId} accepted: token ${data.tokenId}`,
} satisfies { [T in ConnectorEventType]: Summary<T> };

/**
 * One line saying what an event changed, for timelines: "granted GetConnectors Profit_Debtors",
 * "token …A1B2 for 12345.jdoe (laptop) generated". `before` is the connector's state before the
 * event; it supplies what the event itself does not repeat (the hint of a revoked token, the access
 * of a removed IP restriction).
 */
export function summarizeChange(event: { readonly type: string; readonly data: object }, before: AppConnectorState): string {
  // A timeline must still print streams written by a newer version of the service.
  if (!Object.hasOwn(SUMMARIES, event.type)) return `${event.type} (no summary for this event type)`;
  // The stored name tells the shape; the record pairs each name with its own summary.
  const summarize = SUMMARIES[event.type as ConnectorEventType] as Summary<ConnectorEventType>;
  return summarize(event as AppConnectorEvent, before);
}
