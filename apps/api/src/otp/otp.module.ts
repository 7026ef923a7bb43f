import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyInstance } from 'fastify';
import { RUNTIME, type Runtime } from '#application';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ACCESS_INDEX, TRUSTED_PROXIES, type AccessIndex, type TrustedProxies } from '#guard';
import { UseCaseDepsProvider } from '../http/use-case-deps.provider.js';
import type { MailOutbox } from '../mail/mail-outbox.js';
import { RequestOtpHandler } from './commands/request-otp/request-otp.handler.js';
import { ValidateOtpHandler } from './commands/validate-otp/validate-otp.handler.js';
import type { OtpHasher } from './one-time-password.js';
import { OtpLimits } from './otp-limits.js';
import { otpRoutes } from './otp.routes.js';
import { MAIL_OUTBOX, OTP_HASHER } from './otp.tokens.js';
import { OtpWorkQueue } from './otp-work-queue.js';

export interface OtpModuleOptions {
  readonly hasher: OtpHasher;
  readonly outbox: MailOutbox;
  readonly eventStore: EventStore;
  readonly runtime: Runtime;
}

/**
 * Token requests by one-time password (see `otpRoutes`), registered on module init. Needs
 * `AccessGuardModule` (global) for the apiKey lookup and the trusted proxies.
 */
@Module({})
export class OtpModule implements OnModuleInit {
  private readonly work: OtpWorkQueue;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly commandBus: CommandBus,
    private readonly deps: UseCaseDepsProvider,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ACCESS_INDEX) private readonly index: AccessIndex,
    @Inject(TRUSTED_PROXIES) private readonly trustedProxies: TrustedProxies,
    @Inject(MAIL_OUTBOX) private readonly outbox: MailOutbox,
  ) {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    this.work = new OtpWorkQueue((error) => fastify.log.error({ context: 'otp', err: (error as Error).message }, 'token request failed after its answer'));
  }

  static forRoot(options: OtpModuleOptions): DynamicModule {
    return {
      module: OtpModule,
      providers: [
        { provide: OTP_HASHER, useValue: options.hasher },
        { provide: MAIL_OUTBOX, useValue: options.outbox },
        { provide: EVENT_STORE, useValue: options.eventStore },
        { provide: RUNTIME, useValue: options.runtime },
        UseCaseDepsProvider,
        RequestOtpHandler,
        ValidateOtpHandler,
      ],
    };
  }

  /** The background work of the requests answered so far (tests wait for it before looking at the store). */
  idle(): Promise<void> {
    return this.work.idle();
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const { commandBus, deps, runtime, index, trustedProxies, outbox, work } = this;
    void fastify.register(otpRoutes({ commandBus, deps, runtime, index, trustedProxies, limits: new OtpLimits(), work, outbox }));
  }
}
