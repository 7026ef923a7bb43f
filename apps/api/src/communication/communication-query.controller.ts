import { Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { initialCommunicationState, notFound } from '#domain';
import { READ_STORE, type ReadStore } from '#read-model';
import { environmentIdParam, resourceIdParam } from '../http/admin-api.decorators.js';
import { OK_HEADERS, QueryApi, ReadPosition } from '../queries/query-api.decorators.js';
import { pageParams, queryParams } from '../queries/query-params.js';
import { readPage, requireEnvironment } from '../queries/read-pages.js';
import { messageTypeView, messageView, workflowView } from './communication.answers.js';

const ListQuery = queryParams({});
const InboxQuery = queryParams(pageParams);

@QueryApi('communication connector', 'environments/:environmentId')
export class CommunicationQueryController {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Get('message-types')
  @ApiOkResponse({ description: '{ items: [{ code, description, blocked, workflow }], position }', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such environment' })
  async messageTypes(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Query({ schema: ListQuery }) _query: unknown,
    @ReadPosition() position: number,
  ) {
    return { items: (await this.communication(environmentId)).messageTypes.map(messageTypeView), position };
  }

  @Get('workflows')
  @ApiOkResponse({ description: '{ items: [{ id, name }], position }, oldest first', headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such environment' })
  async workflows(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Query({ schema: ListQuery }) _query: unknown,
    @ReadPosition() position: number,
  ) {
    return { items: (await this.communication(environmentId)).workflows.map(workflowView), position };
  }

  @Get('workflows/:workflowId/messages')
  @ApiOkResponse({ description: "{ items: [message], nextCursor, position }: the workflow's inbox, oldest first", headers: OK_HEADERS })
  @ApiNotFoundResponse({ description: 'no such environment or workflow' })
  async inbox(
    @Param('environmentId', { schema: environmentIdParam }) environmentId: string,
    @Param('workflowId', { schema: resourceIdParam }) workflowId: string,
    @Query({ schema: InboxQuery }) query: z.infer<typeof InboxQuery>,
    @ReadPosition() position: number,
  ) {
    const communication = await this.communication(environmentId);
    if (!communication.workflows.some((workflow) => workflow.workflowId === workflowId)) {
      throw notFound('workflow_not_found', `workflow ${workflowId} does not exist in environment ${environmentId}`);
    }
    return readPage(`workflow-messages:${workflowId}`, query, (page) => this.store.workflowMessages(environmentId, workflowId, page), (doc) => messageView(doc.state), position);
  }

  /** The environment's communication connector; as it starts (every type blocked) until first changed. */
  private async communication(environmentId: string) {
    await requireEnvironment(this.store, environmentId);
    return (await this.store.communication(environmentId))?.state ?? initialCommunicationState();
  }
}
