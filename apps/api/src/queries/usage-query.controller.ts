import { Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { invalid, notFound } from '#domain';
import { GUARD_CLOCK, TOKEN_USAGE, type TokenUsageTracker } from '#guard';
import { READ_STORE, type ReadStore } from '#read-model';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from '../app-connectors/app-connector.target.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { queryParams } from './query-params.js';
import { usageAnswer } from './usage-answer.js';

const HOUR_MS = 3_600_000;
/** A range of at most 31 days: a month's dashboard in one answer, no more hours than that per request. */
const MAX_RANGE_HOURS = 31 * 24;

const timeParam = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

const UsageQuery = queryParams({
  from: timeParam.optional().describe('ISO time; the hour it falls in is the first one counted (default: 24 hours before to)'),
  to: timeParam.optional().describe('ISO time; counts up to the end of the hour it falls in (default: now)'),
});

@QueryApi('usage', CONNECTOR_PATH)
export class UsageQueryController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
    @Inject(GUARD_CLOCK) private readonly clock: () => number,
  ) {}

  @Get(':appConnectorId/usage')
  @ApiOperation({
    summary: "The connector's calls per hour, allowed and refused by code",
    description:
      'Counted by the guard per token and hour (Profit calls, forward-auth and verify), kept apart from the audit trail and written in ' +
      'batches, so the last seconds may be missing after a crash. Refusals that name no token (missing, malformed, unknown) belong to no ' +
      "connector and are not counted. Hours without calls are left out. `tokens[].lastUsedAt` is the token list's lastUsedAt. " +
      `At most ${MAX_RANGE_HOURS / 24} days per request; counts are kept 13 months.`,
  })
  @ApiOkResponse({
    description:
      '{ appConnectorId, from, to, totals: { allowed, refused, refusedBy: { code: calls } }, hours: [{ hour, allowed, refused, refusedBy }], ' +
      'tokens: [{ tokenId, allowed, refused, refusedBy, lastUsedAt }], position }',
    headers: OK_HEADERS,
  })
  @ApiBadRequestResponse({ description: 'from or to malformed, from after to, or a range over 31 days (problem+json)' })
  @ApiNotFoundResponse({ description: 'no such app connector in this environment' })
  async usageOf(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Query({ schema: UsageQuery }) query: z.infer<typeof UsageQuery>,
    @ReadPosition() position: number,
  ) {
    const toHour = Math.floor((query.to ?? this.clock()) / HOUR_MS) + 1;
    const fromHour = query.from === undefined ? toHour - 24 : Math.floor(query.from / HOUR_MS);
    if (fromHour >= toHour) throw invalid('usage_range_invalid', 'from must not be after to', 'from');
    if (toHour - fromHour > MAX_RANGE_HOURS) throw invalid('usage_range_too_long', `from and to may span at most ${MAX_RANGE_HOURS / 24} days`, 'from');
    if (!(await this.store.appConnector(environmentId, appConnectorId))) {
      throw notFound('app_connector_not_found', `app connector ${appConnectorId} does not exist in environment ${environmentId}`);
    }
    const counts = await this.usage.counts({ environmentId, appConnectorId, fromHour, toHour });
    const tokenIds = [...new Set(counts.map((count) => count.tokenId))];
    const lastUsed = new Map(await Promise.all(tokenIds.map(async (tokenId) => [tokenId, await this.usage.lastUsed(tokenId)] as const)));
    return {
      appConnectorId,
      from: new Date(fromHour * HOUR_MS).toISOString(),
      to: new Date(toHour * HOUR_MS).toISOString(),
      ...usageAnswer(counts, lastUsed),
      position,
    };
  }
}
