export { AccessIndex, type AccessIndexOptions } from './access-index/access-index.js';
export { AccessState, type AccessLookup, type IndexableEvent } from './access-index/access-state.js';
export type { IndexedToken } from './access-index/indexed-token.js';
export type { IndexedConnector } from './access-index/indexed-connector.js';
export { IpRules, type IpRule } from './access-index/ip-rules.js';

export { resolveClientAddress, type ClientAddressSources } from './client-address/resolve-client-address.js';
export { TrustedProxies } from './client-address/trusted-proxies.js';

export { AccessChecker, type AccessTarget } from './check/access-checker.js';

export * from './decision/access-decision.js';
export { decideAccess, ownerRefusal } from './decision/decide-access.js';

export { MemoryTokenUsageSink } from './usage/memory-token-usage.sink.js';
export { SqliteTokenUsageSink } from './usage/sqlite-token-usage.sink.js';
export { TOKEN_USAGE_SINK, type TokenUsageSink, type TokenUse, type UsageCount } from './usage/token-usage.port.js';
export { TokenUsageTracker, type TokenUsageTrackerOptions } from './usage/token-usage.tracker.js';

export { AccessGuardModule, type AccessGuardOptions } from './nest/access-guard.module.js';
export { ACCESS_CHECKER, ACCESS_INDEX, GUARD_CLOCK, TOKEN_USAGE, TRUSTED_PROXIES } from './nest/guard.tokens.js';
export { PROFIT_ERROR_NUMBER, ProfitError, type ProfitErrorBody } from './nest/profit-error.js';
