import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_TARGET_RESOLVER } from '#guard';
import { installProfitPassthrough } from './profit-passthrough.js';
import { ProfitTargetResolver } from './profit-target.resolver.js';
import { PROFIT_UPSTREAMS } from './profit.tokens.js';
import type { ProfitUpstreams } from './profit-upstreams.js';
import { ProfitController } from './profit.controller.js';

/**
 * The Profit-compatible call surface. Needs `AccessGuardModule` (global) for the access index. Its
 * Fastify parts (the body passthrough and @fastify/reply-from) are installed on module init, after
 * Nest registered the routes and before the server is ready.
 */
@Module({})
export class ProfitModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  static forRoot(options: { readonly upstreams: ProfitUpstreams }): DynamicModule {
    return {
      module: ProfitModule,
      controllers: [ProfitController],
      providers: [
        { provide: PROFIT_UPSTREAMS, useValue: options.upstreams },
        { provide: ACCESS_TARGET_RESOLVER, useClass: ProfitTargetResolver },
      ],
    };
  }

  onModuleInit(): void {
    installProfitPassthrough(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
