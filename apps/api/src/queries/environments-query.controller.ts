import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { ENVIRONMENTS, READ_STORE, type EnvironmentDocument, type ReadStore } from '#read-model';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { pageParams, queryParams } from './query-params.js';
import { readPage, withoutStoreFields } from './read-pages.js';

const ListEnvironmentsQuery = queryParams(pageParams);

@QueryApi('environments', 'environments')
export class EnvironmentsQueryController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [{ environmentId, name, createdAt, createdBy }], nextCursor, position }', headers: OK_HEADERS })
  list(@Query({ schema: ListEnvironmentsQuery }) query: z.infer<typeof ListEnvironmentsQuery>, @ReadPosition() position: number) {
    const list = { name: 'environments', collection: ENVIRONMENTS };
    return readPage(this.store, list, query, (doc: EnvironmentDocument) => withoutStoreFields(doc), position);
  }
}
