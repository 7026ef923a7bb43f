import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_CHECKER, TRUSTED_PROXIES, type AccessChecker, type TrustedProxies } from '#guard';
import { ForwardAuthKey } from './forward-auth-key.js';
import { forwardAuthRoutes } from './forward-auth.routes.js';

const FORWARD_AUTH_KEY = Symbol('FORWARD_AUTH_KEY');

/**
 * The forward-auth route (see `forwardAuthRoutes`), registered on module init when FORWARD_AUTH_KEY
 * is set; without it there is no route (404). Needs `AccessGuardModule` (global).
 */
@Module({})
export class ForwardAuthModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ACCESS_CHECKER) private readonly checker: AccessChecker,
    @Inject(TRUSTED_PROXIES) private readonly trustedProxies: TrustedProxies,
    @Inject(FORWARD_AUTH_KEY) private readonly key: string | null,
  ) {}

  static forRoot(options: { readonly key: string | undefined }): DynamicModule {
    return { module: ForwardAuthModule, providers: [{ provide: FORWARD_AUTH_KEY, useValue: options.key ?? null }] };
  }

  onModuleInit(): void {
    if (this.key === null) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(forwardAuthRoutes({ checker: this.checker, trustedProxies: this.trustedProxies, key: new ForwardAuthKey(this.key) }));
  }
}
