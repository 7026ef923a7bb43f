import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { RUNTIME, type Runtime } from '#application';
import { EVENT_STORE, type EventStore } from '#event-store';
import { AccessGuardModule, type TokenUsageSink } from '#guard';
import { READ_STORE, type ReadSide, type ReadStore } from '#read-model';
import { READ_SIDE, READ_YOUR_WRITES_TIMEOUT_MS } from '../read-side/read-side.tokens.js';
import { AdminAuthGuard } from '../admin-auth/admin-auth.guard.js';
import { ADMIN_KEY_REGISTRY, type AdminKeyRegistry } from '../admin-auth/admin-key-registry.js';
import { ForwardAuthModule } from '../forward-auth/forward-auth.module.js';
import { HealthController } from '../health/health.controller.js';
import { ProblemDetailsFilter } from '../http/problem-details.filter.js';
import { createValidationPipe } from '../http/validation.pipe.js';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../idempotency/idempotency-store.js';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor.js';
import { TakeTurnsInterceptor } from '../http/take-turns.interceptor.js';
import { Turns } from '../http/turns.js';
import { ProfitModule } from '../profit/profit.module.js';
import type { ProfitUpstreams } from '../profit/profit-upstreams.js';
import { VerifyModule } from '../verify/verify.module.js';
import type { MailOutbox } from '../mail/mail-outbox.js';
import type { OtpHasher } from '../otp/one-time-password.js';
import { OtpModule } from '../otp/otp.module.js';
import { MAIL_OUTBOX } from '../otp/otp.tokens.js';
import { MESSAGE_PAYLOAD_LIMIT_BYTES } from '../communication/profit-messages.service.js';
import { ADMIN_CONTROLLERS, COMMAND_HANDLERS } from './admin-api.parts.js';

export interface AppDependencies {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly readSide: ReadSide;
  readonly readYourWritesTimeoutMs: number;
  readonly tokenUsage: TokenUsageSink;
  readonly trustedProxies: readonly string[];
  readonly forwardAuthKey: string | undefined;
  readonly upstreams: ProfitUpstreams;
  readonly profitBodyLimitBytes: number;
  readonly messagePayloadLimitBytes: number;
  readonly runtime: Runtime;
  readonly adminKeys: AdminKeyRegistry;
  readonly idempotency: IdempotencyStore;
  readonly otpHasher: OtpHasher;
  readonly mailOutbox: MailOutbox;
}

/** The HTTP service. Adapters are built outside (create-app.ts) and handed in, so tests can swap them. */
@Module({})
export class AppModule {
  static forRoot(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        AccessGuardModule.forRoot({
          eventStore: deps.eventStore,
          trustedProxies: deps.trustedProxies,
          usageSink: deps.tokenUsage,
          clock: () => deps.runtime.now().getTime(),
        }),
        ProfitModule.forRoot({ upstreams: deps.upstreams, bodyLimitBytes: deps.profitBodyLimitBytes }),
        VerifyModule,
        ForwardAuthModule.forRoot({ key: deps.forwardAuthKey }),
        OtpModule.forRoot({ hasher: deps.otpHasher, outbox: deps.mailOutbox, eventStore: deps.eventStore, runtime: deps.runtime }),
      ],
      controllers: [HealthController, ...ADMIN_CONTROLLERS],
      providers: [
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: READ_STORE, useValue: deps.readStore },
        { provide: READ_SIDE, useValue: deps.readSide },
        { provide: READ_YOUR_WRITES_TIMEOUT_MS, useValue: deps.readYourWritesTimeoutMs },
        { provide: RUNTIME, useValue: deps.runtime },
        { provide: ADMIN_KEY_REGISTRY, useValue: deps.adminKeys },
        { provide: IDEMPOTENCY_STORE, useValue: deps.idempotency },
        { provide: MAIL_OUTBOX, useValue: deps.mailOutbox },
        { provide: MESSAGE_PAYLOAD_LIMIT_BYTES, useValue: deps.messagePayloadLimitBytes },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        IdempotencyInterceptor,
        TakeTurnsInterceptor,
        { provide: Turns, useValue: new Turns() },
        AdminAuthGuard,
        ...COMMAND_HANDLERS,
      ],
    };
  }
}

