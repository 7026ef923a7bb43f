import type { AppConnector, IpRestriction, RateLimit } from '#domain';
import { IpRules } from './ip-rules.js';

/** One app connector as the guard reads it: IP lines precompiled. */
export interface IndexedConnector {
  readonly environmentId: string;
  readonly appConnectorId: string;
  readonly description: string;
  readonly blocked: boolean;
  readonly archived: boolean;
  readonly userGroupId: string;
  /** The domain state's own sorted lists (no copies: the index holds every connector), searched by bisection. */
  readonly getConnectors: readonly string[];
  readonly updateConnectors: readonly string[];
  readonly specialConnectors: readonly string[];
  readonly ipRules: IpRules;
  /** The guard's limit of the connector's calls; `null`: none. */
  readonly rateLimit: RateLimit | null;
  /** Counts the changes applied to this connector, so that a surface can cache what it derives from one. */
  readonly revision: number;
}

/** A connector's domain state and the guard's view of it, both replaced on each change. */
export interface ConnectorEntry {
  state: AppConnector;
  indexed: IndexedConnector;
}

/**
 * The parts of a connector's state the view reads (tokens are indexed by hash instead). `satisfies`
 * makes a field added to the domain state a compile error here until it is said whether the guard needs it.
 */
const VIEWED = {
  environmentId: true,
  appConnectorId: true,
  description: true,
  blocked: true,
  archived: true,
  userGroupId: true,
  getConnectors: true,
  updateConnectors: true,
  specialConnectors: true,
  ipRestrictions: true,
  apiKey: false,
  userGroupCreatedWithConnector: false,
  tokens: false,
  tokenValidityDays: false,
  rateLimit: true,
  pendingOtps: false,
} satisfies Record<keyof AppConnector, boolean>;

const VIEWED_PARTS = (Object.keys(VIEWED) as (keyof AppConnector)[]).filter((part) => VIEWED[part]);

/**
 * The guard's view of `state`. What the domain's fold left untouched (it keeps unchanged values as
 * the same objects) is taken over from `previous`: an event that changes nothing the view reads (a
 * token's) keeps the view and its revision, and one that does not touch the IP lines compiles no
 * IpRules.
 */
export function indexConnector(state: AppConnector, previous: ConnectorEntry | undefined): IndexedConnector {
  if (previous === undefined) return view(state, undefined);
  const before = previous.state;
  return VIEWED_PARTS.every((part) => before[part] === state[part]) ? previous.indexed : view(state, previous);
}

function view(state: AppConnector, previous: ConnectorEntry | undefined): IndexedConnector {
  return {
    environmentId: state.environmentId,
    appConnectorId: state.appConnectorId,
    description: state.description,
    blocked: state.blocked,
    archived: state.archived,
    userGroupId: state.userGroupId,
    getConnectors: state.getConnectors,
    updateConnectors: state.updateConnectors,
    specialConnectors: state.specialConnectors,
    ipRules: previous?.state.ipRestrictions === state.ipRestrictions ? previous.indexed.ipRules : rulesOf(state.ipRestrictions),
    rateLimit: state.rateLimit,
    revision: previous === undefined ? 0 : previous.indexed.revision + 1,
  };
}

const rulesOf = (lines: readonly IpRestriction[]): IpRules => (lines.length === 0 ? IpRules.NONE : new IpRules(lines));
