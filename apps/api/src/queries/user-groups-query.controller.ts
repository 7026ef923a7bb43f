import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { notFound } from '#domain';
import { READ_STORE, type ReadStore } from '#read-model';
import { EnvironmentId } from '../app-connectors/app-connector.target.js';
import { resourceIdParam } from '../http/admin-api.decorators.js';
import { etagOf } from '../http/if-match.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { pageParams, queryParams } from './query-params.js';
import { readPage, requireEnvironment } from './read-pages.js';
import { userGroupView } from './read-model-views.js';

const ListUserGroupsQuery = queryParams(pageParams);
const GetUserGroupQuery = queryParams({});

@QueryApi('user groups', 'environments/:environmentId/user-groups')
export class UserGroupsQueryController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [user group with members], nextCursor, position }, oldest first', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such environment' })
  async list(
    @EnvironmentId() environmentId: string,
    @Query({ schema: ListUserGroupsQuery }) query: z.infer<typeof ListUserGroupsQuery>,
    @ReadPosition() position: number,
  ) {
    await requireEnvironment(this.store, environmentId);
    return readPage('user-groups', query, (page) => this.store.userGroups(environmentId, page), userGroupView, position);
  }

  @Get(':groupId')
  @ApiOkResponse({ description: '{ id, environmentId, name, members, createdAt, createdBy, updatedAt, updatedBy, version }; ETag is the version', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such user group in this environment' })
  async get(
    @EnvironmentId() environmentId: string,
    @Param('groupId', { schema: resourceIdParam }) groupId: string,
    @Query({ schema: GetUserGroupQuery }) _query: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = await this.store.userGroup(environmentId, groupId);
    if (!doc) throw notFound('user_group_not_found', `user group ${groupId} does not exist in environment ${environmentId}`);
    reply.header('etag', etagOf(doc.version));
    return userGroupView(doc);
  }
}
