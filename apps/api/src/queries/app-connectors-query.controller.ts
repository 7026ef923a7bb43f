import { Get, Inject, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { notFound } from '#domain';
import { APP_CONNECTORS, READ_STORE, scopedId, type AppConnectorDocument, type ReadStore } from '#read-model';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from '../app-connectors/app-connector.target.js';
import { resourceIdParam } from '../http/admin-api.decorators.js';
import { etagOf } from '../http/if-match.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { booleanParam, pageParams, queryParams, searchParam } from './query-params.js';
import { readPage, requireEnvironment, withoutStoreFields } from './read-pages.js';

const ListAppConnectorsQuery = queryParams({
  ...pageParams,
  blocked: booleanParam.optional().describe('only blocked (true) or unblocked (false) connectors'),
  userGroupId: resourceIdParam.optional().describe('only connectors of this user group'),
  q: searchParam.optional().describe('part of the description, any case'),
});

// `at` and `version` (time travel) are the audit module's to answer: passed on, neither declared
// nor refused here, so that routing them there needs no change to this schema.
const GetAppConnectorQuery = queryParams({}, ['at', 'version']);

const appConnectorView = (doc: AppConnectorDocument) => withoutStoreFields(doc);

@QueryApi('app connectors', CONNECTOR_PATH)
export class AppConnectorsQueryController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [app connector], nextCursor, position }, oldest first', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such environment' })
  async list(
    @EnvironmentId() environmentId: string,
    @Query({ schema: ListAppConnectorsQuery }) query: z.infer<typeof ListAppConnectorsQuery>,
    @ReadPosition() position: number,
  ) {
    await requireEnvironment(this.store, environmentId);
    const where = {
      environmentId,
      ...(query.blocked === undefined ? {} : { blocked: query.blocked }),
      ...(query.userGroupId === undefined ? {} : { userGroupId: query.userGroupId }),
    };
    const search = query.q === undefined ? undefined : { field: 'description', text: query.q };
    const list = { name: 'app-connectors', collection: APP_CONNECTORS };
    return readPage(this.store, list, { ...query, where, search }, appConnectorView, position);
  }

  @Get(':appConnectorId')
  @ApiOkResponse({ description: 'the app connector; ETag is its version, as in command answers', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such app connector in this environment' })
  async get(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Query({ schema: GetAppConnectorQuery }) _query: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const doc = await this.store.get<AppConnectorDocument>(APP_CONNECTORS, scopedId(environmentId, appConnectorId));
    if (!doc) throw notFound('app_connector_not_found', `app connector ${appConnectorId} does not exist in environment ${environmentId}`);
    reply.header('etag', etagOf(doc.version));
    return appConnectorView(doc);
  }
}
