import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { notFound } from '#domain';
import { READ_STORE, scopedId, USER_GROUPS, type ReadStore, type UserGroupDocument } from '#read-model';
import { EnvironmentId } from '../app-connectors/app-connector.target.js';
import { resourceIdParam } from '../http/admin-api.decorators.js';
import { etagOf } from '../http/if-match.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { pageParams, queryParams } from './query-params.js';
import { readPage, requireEnvironment, withoutStoreFields } from './read-pages.js';

const ListUserGroupsQuery = queryParams(pageParams);
const GetUserGroupQuery = queryParams({});

const userGroupView = (doc: UserGroupDocument) => withoutStoreFields(doc);

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
    const list = { name: 'user-groups', collection: USER_GROUPS };
    return readPage(this.store, list, { ...query, where: { environmentId } }, userGroupView, position);
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
    const doc = await this.store.get<UserGroupDocument>(USER_GROUPS, scopedId(environmentId, groupId));
    if (!doc) throw notFound('user_group_not_found', `user group ${groupId} does not exist in environment ${environmentId}`);
    reply.header('etag', etagOf(doc.version));
    return userGroupView(doc);
  }
}
