import { Get, Inject, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { READ_STORE, type ReadStore } from '#read-model';
import { EnvironmentId } from '../app-connectors/app-connector.target.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { pageParams, queryParams } from './query-params.js';
import { readPage, requireEnvironment } from './read-pages.js';

const ListUsersQuery = queryParams(pageParams);

@QueryApi('users', 'environments/:environmentId/users')
export class UsersQueryController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get()
  @ApiOkResponse({
    description: '{ items: [{ userId, environmentId, name, email, kind, groupIds, createdAt, createdBy }], nextCursor, position }',
    headers: OK_HEADERS,
  })
  @ApiNotFoundResponse({ description: 'no such environment' })
  async list(
    @EnvironmentId() environmentId: string,
    @Query({ schema: ListUsersQuery }) query: z.infer<typeof ListUsersQuery>,
    @ReadPosition() position: number,
  ) {
    await requireEnvironment(this.store, environmentId);
    return readPage('users', query, (page) => this.store.users(environmentId, page), (doc) => doc, position);
  }
}
