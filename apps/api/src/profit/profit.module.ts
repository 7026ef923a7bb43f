import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_CHECKER, ACCESS_INDEX, type AccessChecker, type AccessLookup } from '#guard';
import { PROFIT_MESSAGES, type ProfitMessages } from './profit-messages.port.js';
import { PROFIT_BODY_LIMIT_BYTES, PROFIT_UPSTREAMS } from './profit.tokens.js';
import type { ProfitUpstreams } from './profit-upstreams.js';
import { profitRoutes } from './profit-routes.js';

/**
 * The Profit-compatible call surface. Needs `AccessGuardModule` (global) for the access checker and
 * index. Its routes are a Fastify plugin (see `profitRoutes`), registered on module init: after
 * Nest's own routes, before the server is ready.
 */
@Module({})
export class ProfitModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(ACCESS_CHECKER) private readonly checker: AccessChecker,
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(PROFIT_UPSTREAMS) private readonly upstreams: ProfitUpstreams,
    @Inject(PROFIT_BODY_LIMIT_BYTES) private readonly bodyLimitBytes: number,
  ) {}

  static forRoot(options: { readonly upstreams: ProfitUpstreams; readonly bodyLimitBytes: number }): DynamicModule {
    return {
      module: ProfitModule,
      providers: [
        { provide: PROFIT_UPSTREAMS, useValue: options.upstreams },
        { provide: PROFIT_BODY_LIMIT_BYTES, useValue: options.bodyLimitBytes },
      ],
    };
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // The communication connector's use cases live with the admin API's command handlers (the app module): found there, not imported.
    const messages = this.moduleRef.get<ProfitMessages>(PROFIT_MESSAGES, { strict: false });
    void fastify.register(profitRoutes({ checker: this.checker, index: this.index, upstreams: this.upstreams, bodyLimitBytes: this.bodyLimitBytes, messages }));
  }
}
