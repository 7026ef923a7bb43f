import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_INDEX, GUARD_CLOCK, TOKEN_USAGE, type AccessLookup, type TokenUsageTracker } from '#guard';
import { verifyRoutes } from './verify.routes.js';

/** The verify API (see `verifyRoutes`), registered on module init. Needs `AccessGuardModule` (global); the admin key is checked by `checkAdminKeyBeforeBody`. */
@Module({})
export class VerifyModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
    @Inject(GUARD_CLOCK) private readonly clock: () => number,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(verifyRoutes({ index: this.index, usage: this.usage, clock: this.clock }));
  }
}
