import type { FastifyRequest } from 'fastify';
import type { AccessLookup } from '../access-index/access-state.js';
import { resolveClientAddress } from '../client-address/resolve-client-address.js';
import type { TrustedProxies } from '../client-address/trusted-proxies.js';
import { REFUSALS, type AccessDecision, type AccessGranted, type AccessRequest, type ConnectorCall, type TokenOwner } from '../decision/access-decision.js';
import { decideAccess } from '../decision/decide-access.js';
import type { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import { ProfitError } from '../nest/profit-error.js';
import { ConnectorThrottle } from '../rate-limit/connector-throttle.js';

/** Which environment and connector a request calls. */
export interface AccessTarget {
  readonly environmentId: string;
  readonly connector: ConnectorCall;
}

/** The levels at which an allowed call is logged (built only then: this runs on every guarded call). */
const DEBUG_LEVELS: ReadonlySet<string> = new Set(['debug', 'trace']);

/**
 * Profit's token check of one HTTP request, for any surface: the client address (trusting
 * X-Forwarded-For only from `TRUSTED_PROXIES`), `decide`, and a log line. Used by the Profit surface's
 * and forward-auth's Fastify routes (the hot path); verify calls `decide` itself.
 */
export class AccessChecker {
  private readonly throttle = new ConnectorThrottle();

  constructor(
    private readonly index: AccessLookup,
    private readonly trustedProxies: TrustedProxies,
    private readonly usage: TokenUsageTracker,
    /** Epoch milliseconds; the application's runtime clock, so tests can move it. */
    private readonly clock: () => number,
  ) {}

  /**
   * The granted access, or a thrown `ProfitError` (401/403/429 in Profit's shape). A refusal is logged
   * at info with the reference the client is shown; the log line never holds the token.
   */
  check(request: FastifyRequest, target: AccessTarget): AccessGranted {
    const clientAddress = resolveClientAddress(
      { peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] },
      this.trustedProxies,
    );
    const decision = this.judge({
      environmentId: target.environmentId,
      authorizationHeader: request.headers.authorization,
      clientAddress,
      connector: target.connector,
      now: this.clock(),
    });
    if (decision.allowed) {
      if (DEBUG_LEVELS.has(request.log.level)) request.log.debug(logFields(target, clientAddress?.address, 'allowed', decision), 'profit access allowed');
      return decision;
    }
    const error = new ProfitError(decision.status, decision.externalMessage, decision.code, undefined, decision.retryAfterSeconds);
    request.log.info(
      { ...logFields(target, clientAddress?.address, decision.code, decision.owner), profitLogReference: error.body.profitLogReference },
      'profit access refused',
    );
    throw error;
  }

  /**
   * `decideAccess` at the clock's time, then the connector's rate limit (an allowed call takes one
   * from its bucket; a refused one takes none), and the outcome counted in the token's usage.
   */
  decide(request: Omit<AccessRequest, 'now'>): AccessDecision {
    return this.judge({ ...request, now: this.clock() });
  }

  private judge(request: AccessRequest): AccessDecision {
    const { now } = request;
    const decision = decideAccess(this.index, request);
    if (!decision.allowed) {
      if (decision.owner !== null) this.usage.refused(decision.owner, decision.code, now);
      return decision;
    }
    const limit = this.index.connector(decision.environmentId, decision.appConnectorId)?.rateLimit;
    const waitMs = limit ? this.throttle.take(decision.environmentId, decision.appConnectorId, limit, now) : 0;
    if (waitMs === 0) {
      this.usage.allowed(decision, now);
      return decision;
    }
    this.usage.refused(decision, 'rate_limited', now);
    return { allowed: false, code: 'rate_limited', ...REFUSALS.rate_limited, owner: decision, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}

function logFields(target: AccessTarget, clientIp: string | undefined, code: string, owner: TokenOwner | null) {
  return {
    environmentId: target.environmentId,
    connector: target.connector,
    clientIp: clientIp ?? null,
    code,
    ...(owner && { appConnectorId: owner.appConnectorId, userId: owner.userId, tokenId: owner.tokenId }),
  };
}
