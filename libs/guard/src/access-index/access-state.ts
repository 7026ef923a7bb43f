import type { AppConnectorEvent, EnvironmentEvent, TokenGenerated, TokenRevoked, UserGroupEvent } from '#domain';
import { changeConnector, newConnector, type IndexedConnector, type MutableConnector } from './indexed-connector.js';
import type { AccessGranted, TokenOwner } from '../decision/access-decision.js';
import { ScopedMap } from './scoped-map.js';

type IndexedEvent = AppConnectorEvent | UserGroupEvent | EnvironmentEvent;

/** The event names this index reads; `satisfies` keeps the list in step with the domain's unions. */
const INDEXED_TYPES: ReadonlySet<string> = new Set(
  Object.keys({
    EnvironmentRegistered: true, UserGroupCreated: true, UserGroupMemberAdded: true, UserGroupMemberRemoved: true,
    AppConnectorCreated: true, AppConnectorDescriptionChanged: true, AppConnectorUserGroupAssigned: true,
    AppConnectorBlocked: true, AppConnectorUnblocked: true, GetConnectorsGranted: true, GetConnectorRevoked: true,
    UpdateConnectorsGranted: true, UpdateConnectorRevoked: true, SpecialConnectorsAdded: true,
    SpecialConnectorRemoved: true, IpRestrictionAdded: true, IpRestrictionRemoved: true, TokenGenerated: true,
    TokenRevoked: true,
  } satisfies Record<IndexedEvent['type'], true>),
);

export interface IndexedToken {
  readonly tokenId: string;
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly userId: string;
  /** The device description the token was generated for. */
  readonly device: string;
  readonly revoked: boolean;
  /** Who the token belongs to, built once when indexed: the decision hands it out as it is. */
  readonly owner: TokenOwner;
  /** The decision that allows a call with this token, built once when indexed (the hot path allocates nothing for it). */
  readonly granted: AccessGranted;
}

/** What the decision reads: indexed lookups only, nothing that scans. */
export interface AccessLookup {
  hasEnvironment(environmentId: string): boolean;
  tokenByHash(tokenHash: string): IndexedToken | undefined;
  connector(environmentId: string, appConnectorId: string): IndexedConnector | undefined;
  isMember(environmentId: string, groupId: string, userId: string): boolean;
}

/** The event as the index needs it; a `RecordedEvent` of the store fits. */
export interface IndexableEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly position: number;
}

const tokenKey = (environmentId: string, appConnectorId: string, tokenId: string) => `${environmentId}\u0000${appConnectorId}\u0000${tokenId}`;

/**
 * The access read model, in memory. `apply` is idempotent: an event at or below the position
 * already applied changes nothing, and every mutation is a set/map write that repeating would not
 * change either. Events this index does not need are skipped (their position still counts).
 */
export class AccessState implements AccessLookup {
  private readonly environments = new Set<string>();
  private readonly tokensByHash = new Map<string, IndexedToken>();
  /** Token hash by `tokenKey` (written and read only while applying events). */
  private readonly tokenHashById = new Map<string, string>();
  private readonly connectors = new ScopedMap<MutableConnector>();
  /** Members by (environment, user group). */
  private readonly members = new ScopedMap<Set<string>>();
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
    return this.connectors.get(environmentId, appConnectorId);
  }

  isMember(environmentId: string, groupId: string, userId: string): boolean {
    return this.members.get(environmentId, groupId)?.has(userId) ?? false;
  }

  apply(event: IndexableEvent): void {
    if (event.position <= this.appliedPosition) return;
    try {
      // The store hands events over untyped; their names are fixed, so the name tells the shape.
      if (INDEXED_TYPES.has(event.type)) this.mutate(event as unknown as IndexedEvent);
    } finally {
      // Also past an event that failed to apply: retrying it could only fail again.
      this.appliedPosition = event.position;
    }
  }

  private mutate(event: IndexedEvent): void {
    switch (event.type) {
      case 'EnvironmentRegistered':
        this.environments.add(event.data.environmentId);
        return;
      case 'UserGroupMemberAdded':
        this.groupOf(event.data.environmentId, event.data.groupId).add(event.data.userId);
        return;
      case 'UserGroupMemberRemoved':
        this.groupOf(event.data.environmentId, event.data.groupId).delete(event.data.userId);
        return;
      case 'UserGroupCreated':
        return;
      case 'AppConnectorCreated':
        this.connectors.set(event.data.environmentId, event.data.appConnectorId, newConnector(event.data));
        return;
      case 'TokenGenerated':
        return this.addToken(event.data);
      case 'TokenRevoked':
        return this.revokeToken(event.data);
      default: {
        const connector = this.connectors.get(event.data.environmentId, event.data.appConnectorId);
        if (connector !== undefined) changeConnector(connector, event);
        return;
      }
    }
  }

  private addToken({ tokenId, environmentId, appConnectorId, userId, description, tokenHash }: TokenGenerated['data']): void {
    this.tokensByHash.set(tokenHash, indexedToken({ tokenId, environmentId, appConnectorId, userId, device: description }, false));
    this.tokenHashById.set(tokenKey(environmentId, appConnectorId, tokenId), tokenHash);
  }

  private revokeToken({ environmentId, appConnectorId, tokenId }: TokenRevoked['data']): void {
    const hash = this.tokenHashById.get(tokenKey(environmentId, appConnectorId, tokenId));
    const token = hash === undefined ? undefined : this.tokensByHash.get(hash);
    if (hash !== undefined && token !== undefined) this.tokensByHash.set(hash, indexedToken(token.owner, true));
  }

  private groupOf(environmentId: string, groupId: string): Set<string> {
    return this.members.getOrCreate(environmentId, groupId, () => new Set());
  }
}

function indexedToken(owner: TokenOwner, revoked: boolean): IndexedToken {
  const frozenOwner = Object.freeze({ ...owner });
  return Object.freeze({ ...frozenOwner, revoked, owner: frozenOwner, granted: Object.freeze({ ...frozenOwner, allowed: true as const, code: 'allowed' as const }) });
}
