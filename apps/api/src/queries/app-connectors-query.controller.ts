import { Get, Inject, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ConnectorHistory } from '#audit';
import { notFound } from '#domain';
import { EVENT_STORE, type EventStore } from '#event-store';
import { READ_STORE, type ReadStore } from '#read-model';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from '../app-connectors/app-connector.target.js';
import { resourceIdParam } from '../http/admin-api.decorators.js';
import { etagOf } from '../http/if-match.js';
import { ValidationFailedError } from '../http/problem.js';
import { AsOfQuery } from '../audit/audit.requests.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { booleanParam, pageParams, queryParams, searchParam } from './query-params.js';
import { readPage, requireEnvironment } from './read-pages.js';
import { appConnectorView } from './read-model-views.js';

const ListAppConnectorsQuery = queryParams({
  ...pageParams,
  blocked: booleanParam.optional().describe('only blocked (true) or unblocked (false) connectors'),
  archived: booleanParam.default(false).describe('deleted connectors (true) instead of the live ones (false, the default)'),
  userGroupId: resourceIdParam.optional().describe('only connectors of this user group'),
  q: searchParam.optional().describe('part of the description, any case'),
});

// `at` and `version` (time travel) are answered from the event store by the audit module, which
// validates them; this route only passes them on.
const GetAppConnectorQuery = queryParams({}, ['at', 'version']);

@QueryApi('app connectors', CONNECTOR_PATH)
export class AppConnectorsQueryController {
  private readonly history: ConnectorHistory;

  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) eventStore: EventStore,
  ) {
    this.history = new ConnectorHistory(eventStore);
  }

  @Get()
  @ApiOkResponse({ description: '{ items: [app connector], nextCursor, position }, oldest first', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such environment' })
  async list(
    @EnvironmentId() environmentId: string,
    @Query({ schema: ListAppConnectorsQuery }) query: z.infer<typeof ListAppConnectorsQuery>,
    @ReadPosition() position: number,
  ) {
    await requireEnvironment(this.store, environmentId);
    const filter = { blocked: query.blocked, archived: query.archived, userGroupId: query.userGroupId, text: query.q };
    return readPage('app-connectors', query, (page) => this.store.appConnectors(environmentId, filter, page), appConnectorView, position);
  }

  @Get(':appConnectorId')
  @ApiOkResponse({
    description:
      'the app connector; ETag is its version, as in command answers. With ?at=<ISO time> or ?version=<n>: the connector as it ' +
      'was then, replayed from its event stream (as GET …/as-of)',
    headers: OK_HEADERS,
  })
  @ApiNotFoundResponse({ description: 'no such app connector in this environment (or not at that time/version)' })
  async get(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Query({ schema: GetAppConnectorQuery }) query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (query['at'] !== undefined || query['version'] !== undefined) {
      const asOf = AsOfQuery.safeParse({ at: query['at'], version: query['version'] });
      if (!asOf.success) throw new ValidationFailedError(asOf.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      return this.history.asOf({ environmentId, appConnectorId }, asOf.data);
    }
    const doc = await this.store.appConnector(environmentId, appConnectorId);
    if (!doc) throw notFound('app_connector_not_found', `app connector ${appConnectorId} does not exist in environment ${environmentId}`);
    reply.header('etag', etagOf(doc.version));
    return appConnectorView(doc);
  }
}
