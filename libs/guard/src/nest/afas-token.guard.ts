import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AccessLookup } from '../access-index/access-state.js';
import { resolveClientAddress } from '../client-address/resolve-client-address.js';
import type { TrustedProxies } from '../client-address/trusted-proxies.js';
import type { AccessGranted } from '../decision/access-decision.js';
import { decideAccess } from '../decision/decide-access.js';
import type { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import type { AccessTargetResolver } from './access-target.js';
import { ACCESS_INDEX, ACCESS_TARGET_RESOLVER, TOKEN_USAGE, TRUSTED_PROXIES } from './guard.tokens.js';
import { ProfitError } from './profit-error.js';

export interface GuardedRequest extends FastifyRequest {
  /** Set by `AfasTokenGuard` when it lets the request through. */
  access?: AccessGranted;
}

/**
 * Profit's token check for a Nest route: the surface's `ACCESS_TARGET_RESOLVER` says what is
 * called, `decideAccess` decides, the decision goes on the request (`request.access`). A refusal
 * throws a `ProfitError`; its log reference is in the log line, which never holds the token.
 */
@Injectable()
export class AfasTokenGuard implements CanActivate {
  constructor(
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(TRUSTED_PROXIES) private readonly trustedProxies: TrustedProxies,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
    @Inject(ACCESS_TARGET_RESOLVER) private readonly targets: AccessTargetResolver,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const target = this.targets.resolve(request);
    const clientAddress = resolveClientAddress(
      { peer: request.raw.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'] },
      this.trustedProxies,
    );
    const decision = decideAccess(this.index, {
      environmentId: target.environmentId,
      authorizationHeader: request.headers.authorization,
      clientAddress,
      connector: target.connector,
    });
    const logged = {
      environmentId: target.environmentId,
      connector: target.connector,
      clientIp: clientAddress?.address ?? null,
      code: decision.code,
      ...(decision.allowed ? ownerFields(decision) : decision.owner && ownerFields(decision.owner)),
    };
    if (!decision.allowed) {
      const error = new ProfitError(decision.status, decision.externalMessage, decision.code);
      request.log.info({ ...logged, profitLogReference: error.body.profitLogReference }, 'profit access refused');
      throw error;
    }
    this.usage.record(decision.tokenId);
    request.access = decision;
    request.log.debug(logged, 'profit access allowed');
    return true;
  }
}

const ownerFields = ({ appConnectorId, userId, tokenId }: { appConnectorId: string; userId: string; tokenId: string }) => ({
  appConnectorId,
  userId,
  tokenId,
});
