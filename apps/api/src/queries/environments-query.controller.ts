import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { READ_STORE, type ReadStore } from '#read-model';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { pageParams, queryParams } from './query-params.js';
import { readPage } from './read-pages.js';

const ListEnvironmentsQuery = queryParams(pageParams);

@QueryApi('environments', 'environments')
export class EnvironmentsQueryController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [{ environmentId, name, createdAt, createdBy }], nextCursor, position }', headers: OK_HEADERS })
  list(@Query({ schema: ListEnvironmentsQuery }) query: z.infer<typeof ListEnvironmentsQuery>, @ReadPosition() position: number) {
    return readPage('environments', query, (page) => this.store.environments(page), (doc) => doc, position);
  }
}
