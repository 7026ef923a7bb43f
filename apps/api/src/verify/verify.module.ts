import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_CHECKER, type AccessChecker } from '#guard';
import { verifyRoutes } from './verify.routes.js';

/** The verify API (see `verifyRoutes`), registered on module init. Needs `AccessGuardModule` (global); the admin key is checked by `checkAdminKeyBeforeBody`. */
@Module({})
export class VerifyModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ACCESS_CHECKER) private readonly checker: AccessChecker,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(verifyRoutes({ checker: this.checker }));
  }
}
