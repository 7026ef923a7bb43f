import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { parseClientAddress } from '#domain';
import { ACCESS_INDEX, decideAccess, TOKEN_USAGE, type AccessLookup, type TokenUsageTracker } from '#guard';
import { AdminApi } from '../http/admin-api.decorators.js';
import { VerifyRequest } from './verify.request.js';

export interface VerifyAnswer {
  readonly valid: boolean;
  /** `allowed`, or the first check that failed (`token_unknown`, `ip_restricted`, …). */
  readonly code: string;
  readonly appConnectorId: string | null;
  readonly userId: string | null;
  readonly tokenId: string | null;
}

/**
 * Token verification for a gateway in front of another service: the same decision as the Profit
 * surface, answered as data (always 200) rather than as an HTTP refusal. An allowed verification
 * counts as a use of the token.
 */
@AdminApi('verify', 'verify')
export class VerifyController {
  constructor(
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
  ) {}

  @Post()
  @HttpCode(200)
  verify(@Body({ schema: VerifyRequest }) body: VerifyRequest): VerifyAnswer {
    const decision = decideAccess(this.index, {
      environmentId: body.environmentId,
      token: body.token,
      clientAddress: parseClientAddress(body.clientIp),
      connector: body.connector,
    });
    if (decision.allowed) this.usage.record(decision.tokenId);
    const owner = decision.allowed ? decision : decision.owner;
    return {
      valid: decision.allowed,
      code: decision.code,
      appConnectorId: owner?.appConnectorId ?? null,
      userId: owner?.userId ?? null,
      tokenId: owner?.tokenId ?? null,
    };
  }
}
