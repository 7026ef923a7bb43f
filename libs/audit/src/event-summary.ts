import type { AppConnectorEvent, CommunicationEvent, EnvironmentEvent, MessageEvent, UserEvent, UserGroupEvent } from '#domain';
import { summarizeChange } from './change-summary.js';

/** Every event the service writes, of every aggregate. */
export type AnyDomainEvent = EnvironmentEvent | UserEvent | UserGroupEvent | AppConnectorEvent | CommunicationEvent | MessageEvent;
type AnyEventType = AnyDomainEvent['type'];
type Summary<T extends AnyEventType> = (event: Extract<AnyDomainEvent, { type: T }>) => string;

// A connector event says what it changed without the connector's state before it (an audit log
// entry is written from the event alone): the connector's summaries then leave out what only that
// state knows, such as the hint of a revoked token.
const connector = (event: AppConnectorEvent) => `app connector ${event.data.appConnectorId}: ${summarizeChange(event, null)}`;

/**
 * One per event type of the domain, secrets left out (a key's or password's hash, a message's
 * payload): a new event type is a compile error here until it has its line.
 */
const SUMMARIES = {
  EnvironmentRegistered: ({ data }) => `environment ${data.environmentId} "${data.name}" registered`,
  EnvironmentKeyRotated: ({ data }) => `environment key of ${data.environmentId} rotated`,
  UserRegistered: ({ data }) => `user ${data.userId} (${data.kind}) "${data.name}" registered${data.email ? ` with e-mail ${data.email}` : ''}`,
  UserDetailsChanged: ({ data }) => `user ${data.userId} now "${data.name}"${data.email ? `, e-mail ${data.email}` : ', no e-mail'}`,
  UserDeactivated: ({ data }) => `user ${data.userId} deactivated`,
  UserReactivated: ({ data }) => `user ${data.userId} reactivated`,
  UserGroupCreated: ({ data }) => `user group ${data.groupId} "${data.name}" created`,
  UserGroupMemberAdded: ({ data }) => `user ${data.userId} added to user group ${data.groupId}`,
  UserGroupMemberRemoved: ({ data }) => `user ${data.userId} removed from user group ${data.groupId}`,
  UserGroupRenamed: ({ data }) => `user group ${data.groupId} renamed to "${data.name}"`,
  UserGroupDeleted: ({ data }) => `user group ${data.groupId} deleted`,
  AppConnectorCreated: connector,
  AppConnectorDescriptionChanged: connector,
  AppConnectorUserGroupAssigned: connector,
  AppConnectorBlocked: connector,
  AppConnectorUnblocked: connector,
  AppConnectorArchived: connector,
  GetConnectorsGranted: connector,
  GetConnectorRevoked: connector,
  UpdateConnectorsGranted: connector,
  UpdateConnectorRevoked: connector,
  SpecialConnectorsAdded: connector,
  SpecialConnectorRemoved: connector,
  IpRestrictionAdded: connector,
  IpRestrictionRemoved: connector,
  TokenGenerated: connector,
  TokenRevoked: connector,
  TokenRotated: connector,
  TokenValiditySet: connector,
  RateLimitSet: connector,
  OtpRequested: connector,
  OtpAttemptFailed: connector,
  OtpAccepted: connector,
  WorkflowCreated: ({ data }) => `workflow ${data.workflowId} "${data.name}" created`,
  MessageTypeUnblocked: ({ data }) => `message type ${data.code} unblocked for workflow ${data.workflowId}`,
  MessageTypeWorkflowLinked: ({ data }) => `message type ${data.code} linked to workflow ${data.workflowId}`,
  MessageTypeBlocked: ({ data }) => `message type ${data.code} blocked`,
  MessageReceived: ({ data }) =>
    `message ${data.messageId} (${data.messageType}, reference "${data.reference}") received from app connector ${data.appConnectorId} for workflow ${data.workflowId}`,
  MessageHandled: ({ data }) => `message ${data.messageId} of workflow ${data.workflowId} handled`,
} satisfies { [T in AnyEventType]: Summary<T> };

/** The type names the audit log knows, derived from the summaries (and so from the event unions). */
export const AUDITED_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(SUMMARIES));

/**
 * One line saying what any event changed, from the event alone: "user 12345.jdoe deactivated".
 * Never throws: the audit log records every event, also one whose data is not what its type says.
 */
export function summarizeEvent(event: { readonly type: string; readonly data: object }): string {
  if (!Object.hasOwn(SUMMARIES, event.type)) return `${event.type} (no summary for this event type)`;
  const summarize = SUMMARIES[event.type as AnyEventType] as Summary<AnyEventType>;
  try {
    return summarize(event as AnyDomainEvent);
  } catch {
    return `${event.type} (its data does not have the shape of this event type)`;
  }
}
