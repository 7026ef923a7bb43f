import { Get, Inject, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { READ_STORE, USERS, type ReadStore, type UserDocument } from '#read-model';
import { EnvironmentId } from '../app-connectors/app-connector.target.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { pageParams, queryParams } from './query-params.js';
import { readPage, requireEnvironment, withoutStoreFields } from './read-pages.js';

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
    const list = { name: 'users', collection: USERS };
    return readPage(this.store, list, { ...query, where: { environmentId } }, (doc: UserDocument) => withoutStoreFields(doc), position);
  }
}
