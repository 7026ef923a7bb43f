import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_INDEX, TOKEN_USAGE, type AccessLookup, type TokenUsageTracker } from '#guard';
import { ADMIN_KEY_REGISTRY, type AdminKeyRegistry } from '../admin-auth/admin-key-registry.js';
import { verifyRoutes } from './verify.routes.js';

/** The verify API (see `verifyRoutes`), registered on module init. Needs `AccessGuardModule` (global). */
@Module({})
export class VerifyModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ADMIN_KEY_REGISTRY) private readonly adminKeys: AdminKeyRegistry,
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
  ) {}

  static forRoot(options: { readonly adminKeys: AdminKeyRegistry }): DynamicModule {
    return { module: VerifyModule, providers: [{ provide: ADMIN_KEY_REGISTRY, useValue: options.adminKeys }] };
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(verifyRoutes({ adminKeys: this.adminKeys, index: this.index, usage: this.usage }));
  }
}
