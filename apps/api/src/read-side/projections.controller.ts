import { Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { notFound, ruleViolated } from '#domain';
import { READ_STORE, type ProjectionRunner, type ReadStore } from '#read-model';
import { AdminApi, resourceIdParam } from '../http/admin-api.decorators.js';
import { PROJECTION_RUNNER } from './read-side.tokens.js';

/** The projection engine for operators: its state, and the events a projection could not apply. */
@AdminApi('projections', 'projections')
export class ProjectionsController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'state, position, head lag, dead-letter count, last error and each projection\'s checkpoint' })
  status() {
    return this.runner.status();
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
      await this.runner.retryDeadLetter(id);
    } catch (error) {
      throw ruleViolated('dead_letter_retry_failed', `the projection failed again: ${(error as Error).message}`);
    }
    return { retried: id };
  }
}
