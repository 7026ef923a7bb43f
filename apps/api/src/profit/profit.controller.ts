import { All, Controller, Inject, Logger, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ACCESS_INDEX, AfasTokenGuard, ProfitError, type AccessGranted, type AccessLookup } from '#guard';
import { PROFIT_SERVICE_SEGMENT } from './profit-call.js';
import { ProfitExceptionFilter, sendProfitError } from './profit-exception.filter.js';
import { metaInfo } from './profit-metainfo.js';
import { originalContentType, PASSTHROUGH_ROUTE } from './profit-passthrough.js';
import type { ProfitRequest, ResolvedProfitCall } from './profit-request.js';
import { PROFIT_UPSTREAMS } from './profit.tokens.js';
import type { ProfitUpstreams } from './profit-upstreams.js';
import { upstreamHeaders } from './upstream-headers.js';

const logger = new Logger('profit');

/**
 * The Profit-compatible surface. One wildcard route per URL form (`{env}.host/ProfitRestServices/…`
 * and `/{env}/ProfitRestServices/…`), with the service segment matched case-insensitively by the
 * router; the rest of the path is matched in `matchProfitCall`. MetaInfo is answered here, every
 * other allowed call is forwarded to the environment's upstream.
 */
@ApiExcludeController()
@Controller()
@UseGuards(AfasTokenGuard)
@UseFilters(ProfitExceptionFilter)
export class ProfitController {
  constructor(
    @Inject(ACCESS_INDEX) private readonly index: AccessLookup,
    @Inject(PROFIT_UPSTREAMS) private readonly upstreams: ProfitUpstreams,
  ) {}

  @All([`${PROFIT_SERVICE_SEGMENT}/*`, `:environmentId/${PROFIT_SERVICE_SEGMENT}/*`])
  @RouteConfig(PASSTHROUGH_ROUTE)
  handle(@Req() request: ProfitRequest, @Res() reply: FastifyReply): void {
    const { access, profitCall } = request;
    if (access === undefined || profitCall === undefined) throw new Error('the Profit route ran without its guard');
    if (profitCall.call.endpoint === 'metainfo') {
      const connector = this.index.connector(access.environmentId, access.appConnectorId);
      if (connector === undefined) throw new Error(`connector ${access.appConnectorId} left the index during the call`);
      reply.send(metaInfo(connector));
      return;
    }
    this.forward(request, reply, access, profitCall);
  }

  private forward(request: ProfitRequest, reply: FastifyReply, access: AccessGranted, profitCall: ResolvedProfitCall): void {
    const base = this.upstreams.baseFor(profitCall.environmentId);
    if (base === null) {
      throw new ProfitError(503, 'No upstream is configured for this environment', 'upstream_not_configured');
    }
    reply.from(`${base}${profitCall.profitPath}`, {
      rewriteRequestHeaders: (_request, headers) => upstreamHeaders(headers, access, originalContentType(request)),
      // Never repeat a call on our own: an upstream's 503 goes back to the client as it is.
      retryDelay: () => null,
      onError: (errorReply, { error }) => {
        // reply-from marks timeouts with 504 and everything else (refused, reset, bad answer) otherwise.
        const answer = (error as { statusCode?: number }).statusCode === 504
          ? new ProfitError(504, 'The upstream did not answer in time', 'upstream_timeout')
          : new ProfitError(502, 'The upstream could not be reached', 'upstream_unreachable');
        logger.warn({ msg: 'upstream call failed', code: answer.code, profitLogReference: answer.body.profitLogReference, err: error.message });
        sendProfitError(errorReply as FastifyReply, answer);
      },
    });
  }
}
