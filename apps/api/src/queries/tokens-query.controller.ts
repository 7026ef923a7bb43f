import { Get, Inject, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { notFound } from '#domain';
import { ACCESS_INDEX, GUARD_CLOCK, ownerRefusal, TOKEN_USAGE, type AccessIndex, type RefusalCode, type TokenUsageTracker } from '#guard';
import { READ_STORE, type ReadStore, type TokenDocument } from '#read-model';
import { AppConnectorId, CONNECTOR_PATH, EnvironmentId } from '../app-connectors/app-connector.target.js';
import { OK_HEADERS, QueryApi, ReadPosition } from './query-api.decorators.js';
import { queryParams } from './query-params.js';

const ListTokensQuery = queryParams({});

/** Picks fields one by one: the answer shows what a dashboard needs, nothing the store keeps beside it. */
const tokenView = (token: TokenDocument, lastUsedAt: string | null, refusal: RefusalCode | null) => ({
  id: token.tokenId,
  userId: token.userId,
  description: token.description,
  hint: token.hint,
  status: token.status,
  createdAt: token.createdAt,
  createdBy: token.createdBy,
  revokedAt: token.revokedAt,
  revokedBy: token.revokedBy,
  expiresAt: token.expiresAt,
  rotatedTo: token.rotatedTo,
  lastUsedAt,
  refusal,
});

@QueryApi('tokens', CONNECTOR_PATH)
export class TokensQueryController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(TOKEN_USAGE) private readonly usage: TokenUsageTracker,
    @Inject(ACCESS_INDEX) private readonly index: AccessIndex,
    @Inject(GUARD_CLOCK) private readonly clock: () => number,
  ) {}

  /**
   * How the guard refuses the token whatever it calls, or null: revoked, expired, or refused for
   * its connector and user as the guard's index has them now (deleted, deactivated, left the group).
   */
  private refusalOf(token: TokenDocument, now: number): RefusalCode | null {
    if (token.status === 'revoked') return 'token_revoked';
    if (token.expiresAt !== null && now >= Date.parse(token.expiresAt)) return 'token_expired';
    const connector = this.index.connector(token.environmentId, token.appConnectorId);
    return connector === undefined ? null : ownerRefusal(this.index, connector, token);
  }

  /**
   * All tokens of the connector, oldest first, in one answer: a page cursor would carry the last
   * document's id, which is a hash here, and a connector holds one live token per user and device.
   */
  @Get(':appConnectorId/tokens')
  @ApiOkResponse({
    description:
      '{ items: [{ id, userId, description (the device), hint, status, createdAt, createdBy, revokedAt, revokedBy, expiresAt, rotatedTo, lastUsedAt, refusal }], position }; rotatedTo names the token that replaced this one in a rotation; expiresAt is null for a token that does not expire (status stays live after it); lastUsedAt is recorded by the guard without a write per call; refusal is the code with which the guard refuses the token whatever it calls (token_revoked, token_expired, connector_archived, user_deactivated, not_in_user_group), null while it accepts it',
    headers: OK_HEADERS,
  })
  @ApiNotFoundResponse({ description: 'no such app connector in this environment' })
  async list(
    @EnvironmentId() environmentId: string,
    @AppConnectorId() appConnectorId: string,
    @Query({ schema: ListTokensQuery }) _query: unknown,
    @ReadPosition() position: number,
  ) {
    if (!(await this.store.appConnector(environmentId, appConnectorId))) {
      throw notFound('app_connector_not_found', `app connector ${appConnectorId} does not exist in environment ${environmentId}`);
    }
    const items = await this.store.tokens(environmentId, appConnectorId);
    const lastUsed = await Promise.all(items.map((token) => this.usage.lastUsed(token.tokenId)));
    const now = this.clock();
    return { items: items.map((token, i) => tokenView(token, lastUsed[i] ?? null, this.refusalOf(token, now))), position };
  }
}
