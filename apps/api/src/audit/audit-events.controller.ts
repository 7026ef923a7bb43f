import { Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { z } from 'zod';
import { READ_STORE, type ReadStore } from '#read-model';
import { OK_HEADERS, QueryApi, ReadPosition } from '../queries/query-api.decorators.js';
import { readPage } from '../queries/read-pages.js';
import { AuditEventsQuery, AuditExportQuery, auditFilterOf } from './audit-events.requests.js';
import { ndjsonPages } from './ndjson-pages.stream.js';

// Large enough that a page's query cost is spread over many lines, small enough to hold one in memory.
const EXPORT_PAGE_SIZE = 1000;

const ENTRY =
  '{ position, eventId, streamId, type, time, actor, sourceIp, correlationId, causationId, environmentId, summary }';

/** The audit log across connectors: every change in event-store order, from its read model. */
@QueryApi('audit', 'audit/events')
export class AuditEventsController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get()
  @ApiOperation({
    summary: 'Every change, in event-store order',
    description:
      `Each change as ${ENTRY}: who did it, when, from which client address, in which environment, and a one-line summary; ` +
      'never event data, so never a token, hash, key or password. All filters optional and combined; unknown values match nothing. ' +
      'Paged: pass nextCursor as cursor until it is null.',
  })
  @ApiOkResponse({ description: `{ items: [${ENTRY}], nextCursor, position }, oldest first`, headers: OK_HEADERS })
  list(@Query({ schema: AuditEventsQuery }) query: z.infer<typeof AuditEventsQuery>, @ReadPosition() position: number) {
    const filter = auditFilterOf(query);
    return readPage('audit-events', query, (page) => this.store.auditEvents(filter, page), (entry) => entry, position);
  }

  @Get('export')
  @ApiOperation({
    summary: 'The whole filtered audit log as JSON lines',
    description: `The entries GET /audit/events lists with the same filters, all of them, one ${ENTRY} per line, streamed as the client reads.`,
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'one JSON object per line, oldest first; an empty body when nothing matches',
    headers: OK_HEADERS,
    content: { 'application/x-ndjson': { schema: { type: 'string', example: `{"position":1,"type":"EnvironmentRegistered",…}\n` } } },
  })
  export(@Query({ schema: AuditExportQuery }) query: z.infer<typeof AuditExportQuery>) {
    const filter = auditFilterOf(query);
    const lines = ndjsonPages((after) => this.store.auditEvents(filter, { limit: EXPORT_PAGE_SIZE, after }));
    return new StreamableFile(lines, { type: 'application/x-ndjson' });
  }
}
