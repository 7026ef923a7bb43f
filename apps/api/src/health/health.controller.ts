import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '#event-store';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStoreHealth()]);
  }

  /** Liveness: answers without touching any store (also the baseline route of the benchmarks). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  private async eventStoreHealth() {
    const indicator = this.indicators.check('eventStore');
    try {
      return indicator.up({ headPosition: await this.eventStore.headPosition() });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
