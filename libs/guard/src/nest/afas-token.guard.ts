import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AccessChecker } from '../check/access-checker.js';
import type { AccessGranted } from '../decision/access-decision.js';
import type { AccessTargetResolver } from './access-target.js';
import { ACCESS_CHECKER, ACCESS_TARGET_RESOLVER } from './guard.tokens.js';

export interface GuardedRequest extends FastifyRequest {
  /** Set by `AfasTokenGuard` when it lets the request through. */
  access?: AccessGranted;
}

/**
 * Profit's token check for a Nest route on the Fastify adapter: the module's
 * `ACCESS_TARGET_RESOLVER` says what is called, `AccessChecker` decides and logs, the granted
 * access goes on the request (`request.access`). A refusal throws a `ProfitError`.
 */
@Injectable()
export class AfasTokenGuard implements CanActivate {
  constructor(
    @Inject(ACCESS_CHECKER) private readonly checker: AccessChecker,
    @Inject(ACCESS_TARGET_RESOLVER) private readonly targets: AccessTargetResolver,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    request.access = this.checker.check(request, this.targets.resolve(request));
    return true;
  }
}
