import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_INDEX, TOKEN_USAGE, type AccessLookup, type TokenUsageTracker } from '#guard';
import type { AdminKeyRegistry } from '../admin-auth/admin-key-registry.js';
import { verifyRoutes } from './verify.routes.js';

const ADMIN_KEYS = Symbol('VERIFY_ADMIN_KEYS');

/** The verify API (see `verifyRoutes`), registered on module init. Needs `AccessGuardModule` (global). */
@Module({})
export class VerifyModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ADMIN_KEYS) private readonly adminKeys: AdminKeyRegistry,
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
  ) {}

  static forRoot(options: { readonly adminKeys: AdminKeyRegistry }): DynamicModule {
    return { module: VerifyModule, providers: [{ provide: ADMIN_KEYS, useValue: options.adminKeys }] };
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(verifyRoutes({ adminKeys: this.adminKeys, index: this.index, usage: this.usage }));
  }
}
