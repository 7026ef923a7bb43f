import { DynamicModule, Inject, Logger, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { AccessIndex } from '../access-index/access-index.js';
import { AccessChecker } from '../check/access-checker.js';
import { TrustedProxies } from '../client-address/trusted-proxies.js';
import { TOKEN_USAGE_SINK, type TokenUsageSink } from '../usage/token-usage.port.js';
import { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import { ACCESS_CHECKER, ACCESS_INDEX, GUARD_CLOCK, TOKEN_USAGE, TRUSTED_PROXIES } from './guard.tokens.js';

export interface AccessGuardOptions {
  readonly eventStore: EventStore;
  /** TRUSTED_PROXIES: CIDRs whose X-Forwarded-For is believed. */
  readonly trustedProxies: readonly string[];
  /** Owned by the module from here on: closed on shutdown. */
  readonly usageSink: TokenUsageSink;
  readonly usageFlushIntervalMs?: number;
  /** Epoch milliseconds at which tokens' expiry is judged (default `Date.now`). */
  readonly clock?: () => number;
}

/**
 * The access index, the trusted proxies, the last-used tracker and the `AccessChecker` over them,
 * for every module that guards calls (global, so surfaces need not import it). Startup waits until the index has caught up with
 * the event store, so the service never answers from a partial index; shutdown stops the
 * subscription before the event store closes (Nest runs these hooks before the HTTP server's
 * onClose, where create-app closes the stores) and writes the pending last-used times.
 */
@Module({})
export class AccessGuardModule implements OnModuleInit, OnModuleDestroy {
  private static readonly logger = new Logger('access-guard');

  constructor(
    @Inject(ACCESS_INDEX) private readonly index: AccessIndex,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
    @Inject(TOKEN_USAGE_SINK) private readonly usageSink: TokenUsageSink,
  ) {}

  static forRoot(options: AccessGuardOptions): DynamicModule {
    const onError = (message: string, error: unknown) => AccessGuardModule.logger.error({ msg: message, err: describe(error) });
    return {
      module: AccessGuardModule,
      global: true,
      providers: [
        { provide: ACCESS_INDEX, useFactory: () => new AccessIndex(options.eventStore, { onError }) },
        { provide: TRUSTED_PROXIES, useFactory: () => new TrustedProxies(options.trustedProxies) },
        { provide: TOKEN_USAGE_SINK, useValue: options.usageSink },
        { provide: GUARD_CLOCK, useValue: options.clock ?? Date.now },
        {
          provide: TOKEN_USAGE,
          useFactory: () => new TokenUsageTracker(options.usageSink, { flushIntervalMs: options.usageFlushIntervalMs, onError }),
        },
        {
          provide: ACCESS_CHECKER,
          useFactory: (index: AccessIndex, trustedProxies: TrustedProxies, usage: TokenUsageTracker, clock: () => number) =>
            new AccessChecker(index, trustedProxies, usage, clock),
          inject: [ACCESS_INDEX, TRUSTED_PROXIES, TOKEN_USAGE, GUARD_CLOCK],
        },
      ],
      exports: [ACCESS_INDEX, ACCESS_CHECKER, TRUSTED_PROXIES, TOKEN_USAGE, GUARD_CLOCK],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.index.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.index.stop();
    await this.usage.stop();
    await this.usageSink.close();
  }
}

function describe(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
}
