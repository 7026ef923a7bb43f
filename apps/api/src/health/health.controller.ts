import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ACCESS_INDEX, type AccessIndex } from '#guard';
import type { ReadSide } from '#read-model';
import type { MailOutbox } from '../mail/mail-outbox.js';
import { MAIL_OUTBOX } from '../otp/otp.tokens.js';
import { READ_SIDE } from '../read-side/read-side.tokens.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_SIDE) private readonly readSide: ReadSide,
    @Inject(ACCESS_INDEX) private readonly accessIndex: AccessIndex,
    @Inject(MAIL_OUTBOX) private readonly mail: MailOutbox,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStoreHealth(), () => this.guardHealth(), () => this.projectionHealth(), () => this.mailHealth()]);
  }

  /** Liveness: answers without touching any store (also the baseline route of the benchmarks). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Down when stopped or failing; degraded (still 200) while dead letters wait for a retry, and
   * while no process holds the projector lease (the read models then fall behind).
   */
  private async projectionHealth() {
    const indicator = this.indicators.check('projections');
    const status = await this.readSide.status();
    const projector = status.role === 'projecting' || status.lease?.live === true ? 'running' : 'none';
    const details = { state: status.state, role: status.role, projector, position: status.position, lag: status.lag, deadLetters: status.deadLetters, lastError: status.lastError };
    if (status.state === 'stopped' || status.state === 'retrying') return indicator.down(details);
    return status.deadLetters > 0 || projector === 'none' ? indicator.degraded(details) : indicator.up(details);
  }

  /**
   * Down while the guard's index does not follow the event store (it backs off and resumes after
   * a failure): a revocation written meanwhile is not yet refused by this instance.
   */
  private guardHealth() {
    const indicator = this.indicators.check('guard');
    const { state, position, lastError } = this.accessIndex.status();
    const details = { state, position, lastError };
    return state === 'running' ? indicator.up(details) : indicator.down(details);
  }

  /** Degraded (still 200) while the last e-mail given up on has no sent one after it. */
  private mailHealth() {
    const indicator = this.indicators.check('mail');
    const status = this.mail.status();
    return status.lastFailure === null ? indicator.up({ ...status }) : indicator.degraded({ ...status });
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
