import { Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { z } from 'zod';
import { ConnectorHistory } from '#audit';
import { EVENT_STORE, type EventStore } from '#event-store';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from '../app-connectors/app-connector.target.js';
import { AdminApi } from '../http/admin-api.decorators.js';
import { AsOfQuery, HistoryQuery, historyStart } from './audit.requests.js';

/** Audit views of one connector, read from its event stream: who changed what, and how it looked then. */
@AdminApi('audit', CONNECTOR_PATH)
export class ConnectorAuditController {
  private readonly history: ConnectorHistory;

  constructor(@Inject(EVENT_STORE) eventStore: EventStore) {
    this.history = new ConnectorHistory(eventStore);
  }

  @Get(':appConnectorId/history')
  @ApiOperation({
    summary: 'Every change of the connector, oldest first',
    description:
      'Each event with its version (revision + 1), global position, time, actor, correlation and causation ids, source IP, ' +
      'type and data. Token hashes and other secrets are left out. Paged: pass nextCursor as cursor until it is null.',
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiNotFoundResponse({ description: 'the connector does not exist (problem+json)' })
  @ApiBadRequestResponse({ description: 'limit or cursor malformed (problem+json)' })
  page(@EnvironmentId() environmentId: string, @AppConnectorId() appConnectorId: string, @Query({ schema: HistoryQuery }) query: z.infer<typeof HistoryQuery>) {
    return this.history.page({ environmentId, appConnectorId }, { limit: query.limit, cursor: historyStart(query.cursor) });
  }

  @Get(':appConnectorId/as-of')
  @ApiOperation({
    summary: 'The connector as it was at a time or version',
    description:
      'Replays the event stream up to `at` (the newest state not after that time) or up to `version`, and shows the ' +
      'connector as command answers do, with the time and actor of that change. Give exactly one of at and version.',
  })
  @ApiOkResponse({ description: 'the connector, with version, position, changedAt and changedBy' })
  @ApiNotFoundResponse({ description: 'unknown connector, not yet created at that time, or no such version (problem+json)' })
  @ApiBadRequestResponse({ description: 'neither or both of at and version, or a malformed value (problem+json)' })
  asOf(@EnvironmentId() environmentId: string, @AppConnectorId() appConnectorId: string, @Query({ schema: AsOfQuery }) asOf: z.infer<typeof AsOfQuery>) {
    return this.history.asOf({ environmentId, appConnectorId }, asOf);
  }
}
