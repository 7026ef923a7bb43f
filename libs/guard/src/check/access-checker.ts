import type { FastifyRequest } from 'fastify';
import type { AccessLookup } from '../access-index/access-state.js';
import { resolveClientAddress } from '../client-address/resolve-client-address.js';
import type { TrustedProxies } from '../client-address/trusted-proxies.js';
import type { AccessGranted, ConnectorCall, TokenOwner } from '../decision/access-decision.js';
import { decideAccess } from '../decision/decide-access.js';
import type { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import { ProfitError } from '../nest/profit-error.js';

/** Which environment and connector a request calls. */
export interface AccessTarget {
  readonly environmentId: string;
  readonly connector: ConnectorCall;
}

/** The levels at which an allowed call is logged (built only then: this runs on every guarded call). */
const DEBUG_LEVELS: ReadonlySet<string> = new Set(['debug', 'trace']);

/**
 * Profit's token check of one HTTP request, for any surface: the client address (trusting
 * X-Forwarded-For only from `TRUSTED_PROXIES`), `decideAccess`, a log line, and the token's use.
 * Used by the Profit surface's Fastify routes (the hot path).
 */
export class AccessChecker {
  constructor(
    private readonly index: AccessLookup,
    private readonly trustedProxies: TrustedProxies,
    private readonly usage: TokenUsageTracker,
    /** Epoch milliseconds; the application's runtime clock, so tests can move it. */
    private readonly clock: () => number,
  ) {}

  /**
   * The granted access, or a thrown `ProfitError` (401/403 in Profit's shape). A refusal is logged
   * at info with the reference the client is shown; the log line never holds the token.
   */
  check(request: FastifyRequest, target: AccessTarget): AccessGranted {
    const clientAddress = resolveClientAddress(
      { peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] },
      this.trustedProxies,
    );
    const decision = decideAccess(this.index, {
      environmentId: target.environmentId,
      authorizationHeader: request.headers.authorization,
      clientAddress,
      connector: target.connector,
      now: this.clock(),
    });
    if (decision.allowed) {
      this.usage.record(decision.tokenId);
      if (DEBUG_LEVELS.has(request.log.level)) request.log.debug(logFields(target, clientAddress?.address, 'allowed', decision), 'profit access allowed');
      return decision;
    }
    const error = new ProfitError(decision.status, decision.externalMessage, decision.code);
    request.log.info(
      { ...logFields(target, clientAddress?.address, decision.code, decision.owner), profitLogReference: error.body.profitLogReference },
      'profit access refused',
    );
    throw error;
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
