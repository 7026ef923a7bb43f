import type { AuditEntry, AuditFilter } from '#audit';
import type { AppConnectorDocument } from '../read-models/app-connectors.read-model.js';
import type { CommunicationDocument } from '../read-models/communication.read-model.js';
import type { MessageDocument } from '../read-models/messages.read-model.js';
import type { EnvironmentDocument } from '../read-models/environments.read-model.js';
import type { TokenDocument } from '../read-models/tokens.read-model.js';
import type { UserGroupDocument } from '../read-models/user-groups.read-model.js';
import type { UserDocument } from '../read-models/users.read-model.js';

/** Lists are ordered by creation time, then id: neither ever changes, so paging while others write never skips or repeats. */
export interface PageRequest {
  readonly limit: number;
  /** `nextCursor` of the previous page of the same list; InvalidCursorError when it is not one. */
  readonly after: string | null;
}

export interface Page<T> {
  readonly items: T[];
  /** Pass as `after` for the next page; null when this page is the last. */
  readonly nextCursor: string | null;
}

export interface AppConnectorFilter {
  readonly blocked?: boolean | undefined;
  /** Deleted connectors (true) or the live ones (false, also when left out). */
  readonly archived?: boolean | undefined;
  readonly userGroupId?: string | undefined;
  /** Part of the description, any case. */
  readonly text?: string | undefined;
}

/** What the query side reads; each store answers it with its own queries. */
export interface ReadModelQueries {
  environment(environmentId: string): Promise<EnvironmentDocument | null>;
  environments(page: PageRequest): Promise<Page<EnvironmentDocument>>;
  appConnector(environmentId: string, appConnectorId: string): Promise<AppConnectorDocument | null>;
  appConnectors(environmentId: string, filter: AppConnectorFilter, page: PageRequest): Promise<Page<AppConnectorDocument>>;
  /** Every token of the connector, live and revoked, oldest first. */
  tokens(environmentId: string, appConnectorId: string): Promise<TokenDocument[]>;
  users(environmentId: string, page: PageRequest): Promise<Page<UserDocument>>;
  userGroup(environmentId: string, groupId: string): Promise<UserGroupDocument | null>;
  userGroups(environmentId: string, page: PageRequest): Promise<Page<UserGroupDocument>>;
  /** null until an administrator first changed the environment's communication connector. */
  communication(environmentId: string): Promise<CommunicationDocument | null>;
  message(environmentId: string, messageId: string): Promise<MessageDocument | null>;
  /** A workflow's inbox, oldest first. */
  workflowMessages(environmentId: string, workflowId: string, page: PageRequest): Promise<Page<MessageDocument>>;
  /** The audit log, every change in event-store (position) order; `after` is a position a nextCursor gave. */
  auditEvents(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>>;
}
