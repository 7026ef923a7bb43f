import {
  APP_CONNECTOR_EVENT_TYPES,
  ENVIRONMENT_EVENT_TYPES,
  evolveAppConnector,
  evolveEnvironment,
  evolveUser,
  evolveUserGroup,
  USER_EVENT_TYPES,
  USER_GROUP_EVENT_TYPES,
  type AppConnectorEvent,
  type Environment,
  type EnvironmentEvent,
  type User,
  type UserEvent,
  type UserGroup,
  type UserGroupEvent,
} from '#domain';
import { indexConnector, type ConnectorEntry, type IndexedConnector } from './indexed-connector.js';
import { reindexTokens, type IndexedToken } from './indexed-token.js';
import { ScopedMap } from './scoped-map.js';
import { includesSorted } from './sorted.js';

/** What the decision reads: indexed lookups only, nothing that scans. */
export interface AccessLookup {
  hasEnvironment(environmentId: string): boolean;
  tokenByHash(tokenHash: string): IndexedToken | undefined;
  connector(environmentId: string, appConnectorId: string): IndexedConnector | undefined;
  isMember(environmentId: string, groupId: string, userId: string): boolean;
  isDeactivated(userId: string): boolean;
}

/** The event as the index needs it; a `RecordedEvent` of the store fits. */
export interface IndexableEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly position: number;
}

/**
 * The access read model, in memory: each aggregate's state as the domain's own fold evolves it,
 * with lookups derived from it (tokens by hash, grants as Sets, compiled IP lines). `apply` is
 * idempotent: an event at or below the position already applied changes nothing. Events of other
 * aggregates are skipped (their position still counts).
 */
export class AccessState implements AccessLookup {
  private readonly environments = new Map<string, Environment>();
  private readonly tokensByHash = new Map<string, IndexedToken>();
  private readonly connectors = new ScopedMap<ConnectorEntry>();
  private readonly groups = new ScopedMap<UserGroup>();
  /** By user id, which names its environment. */
  private readonly users = new Map<string, User>();
  /** apiKey → connector id, per environment: how a token request by one-time password names its connector. */
  private readonly connectorIdsByApiKey = new ScopedMap<string>();
  private appliedPosition = 0;

  get position(): number {
    return this.appliedPosition;
  }

  hasEnvironment(environmentId: string): boolean {
    return this.environments.has(environmentId);
  }

  tokenByHash(tokenHash: string): IndexedToken | undefined {
    return this.tokensByHash.get(tokenHash);
  }

  connector(environmentId: string, appConnectorId: string): IndexedConnector | undefined {
    return this.connectors.get(environmentId, appConnectorId)?.indexed;
  }

  /** The id of the environment's connector with this apiKey (its public 32-hex key). */
  connectorIdByApiKey(environmentId: string, apiKey: string): string | undefined {
    return this.connectorIdsByApiKey.get(environmentId, apiKey);
  }

  isMember(environmentId: string, groupId: string, userId: string): boolean {
    const members = this.groups.get(environmentId, groupId)?.members;
    return members !== undefined && includesSorted(members, userId);
  }

  isDeactivated(userId: string): boolean {
    return this.users.get(userId)?.active === false;
  }

  apply(event: IndexableEvent): void {
    if (event.position <= this.appliedPosition) return;
    try {
      // The store hands events over untyped; their names are fixed, so the name tells the shape.
      if (APP_CONNECTOR_EVENT_TYPES.has(event.type)) this.applyToConnector(event as unknown as AppConnectorEvent);
      else if (USER_GROUP_EVENT_TYPES.has(event.type)) this.applyToGroup(event as unknown as UserGroupEvent);
      else if (ENVIRONMENT_EVENT_TYPES.has(event.type)) this.applyToEnvironment(event as unknown as EnvironmentEvent);
      else if (USER_EVENT_TYPES.has(event.type)) this.applyToUser(event as unknown as UserEvent);
    } finally {
      // Also past an event that failed to apply: retrying it could only fail again.
      this.appliedPosition = event.position;
    }
  }

  private applyToConnector(event: AppConnectorEvent): void {
    const { environmentId, appConnectorId } = event.data;
    const entry = this.connectors.get(environmentId, appConnectorId);
    const before = entry?.state ?? null;
    const state = evolveAppConnector(before, event);
    if (state === before) return;
    if (before === null && state !== null) this.connectorIdsByApiKey.set(environmentId, state.apiKey, appConnectorId);
    if (state === null) {
      this.connectors.delete(environmentId, appConnectorId);
    } else {
      // Derived before anything is stored: an event that fails here leaves the connector as it was.
      const indexed = indexConnector(state, entry);
      if (entry === undefined) {
        this.connectors.set(environmentId, appConnectorId, { state, indexed });
      } else {
        entry.state = state;
        entry.indexed = indexed;
      }
    }
    // The connector's own id strings, not the event's copies: every token's decision holds them.
    reindexTokens(this.tokensByHash, state ?? before ?? event.data, before?.tokens ?? [], state?.tokens ?? []);
  }

  private applyToGroup(event: UserGroupEvent): void {
    const { environmentId, groupId } = event.data;
    const group = evolveUserGroup(this.groups.get(environmentId, groupId) ?? null, event);
    if (group !== null) this.groups.set(environmentId, groupId, group);
    else this.groups.delete(environmentId, groupId);
  }

  private applyToUser(event: UserEvent): void {
    const { userId } = event.data;
    const user = evolveUser(this.users.get(userId) ?? null, event);
    if (user !== null) this.users.set(userId, user);
    else this.users.delete(userId);
  }

  private applyToEnvironment(event: EnvironmentEvent): void {
    const { environmentId } = event.data;
    const environment = evolveEnvironment(this.environments.get(environmentId) ?? null, event);
    if (environment !== null) this.environments.set(environmentId, environment);
    else this.environments.delete(environmentId);
  }
}
