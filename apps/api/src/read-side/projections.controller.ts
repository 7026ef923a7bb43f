import { Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { notFound, ruleViolated } from '#domain';
import { READ_STORE, type ReadSide, type ReadStore } from '#read-model';
import { AdminApi, resourceIdParam } from '../http/admin-api.decorators.js';
import { READ_SIDE } from './read-side.tokens.js';

/** The projection engine for operators: its state, and the events a projection could not apply. */
@AdminApi('projections', 'projections')
export class ProjectionsController {
  constructor(
    @Inject(READ_SIDE) private readonly readSide: ReadSide,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'state (`observing` while another process projects), role (projecting, standby, off), position, head lag, dead-letter count, last error, each projection\'s checkpoint, and the projector lease (holder, expiresAt, live)' })
  status() {
    return this.readSide.status();
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Events a projection failed on twice: skipped, with the error, until retried' })
  async deadLetters() {
    return { items: await this.store.listDeadLetters() };
  }

  @Post('dead-letters/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Applies the event again (after a fix is deployed); on success the dead letter is removed' })
  @ApiNotFoundResponse({ description: 'no such dead letter' })
  async retry(@Param('id', { schema: resourceIdParam }) id: string) {
    if (!(await this.store.getDeadLetter(id))) throw notFound('dead_letter_not_found', `no dead letter ${id}`);
    try {
      await this.readSide.retryDeadLetter(id);
    } catch (error) {
      throw ruleViolated('dead_letter_retry_failed', `the projection failed again: ${(error as Error).message}`);
    }
    return { retried: id };
  }
}
