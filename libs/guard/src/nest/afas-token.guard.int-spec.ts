import { Controller, Get, Module, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AccessState } from '../access-index/access-state.js';
import { AccessChecker } from '../check/access-checker.js';
import { TrustedProxies } from '../client-address/trusted-proxies.js';
import { AUTHORIZATION, CONNECTOR, e, ENV, liveConnector, positioned, USER } from '../testing/access-events.js';
import { MemoryTokenUsageSink } from '../usage/memory-token-usage.sink.js';
import { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import { AfasTokenGuard, type GuardedRequest } from './afas-token.guard.js';
import { ACCESS_CHECKER, ACCESS_TARGET_RESOLVER } from './guard.tokens.js';

// A Nest app of someone else's, reusing the guard on its own route (the Profit surface itself runs
// the same AccessChecker as plain Fastify routes).
@Controller('articles')
@UseGuards(AfasTokenGuard)
class ArticlesController {
  @Get()
  list(@Req() request: GuardedRequest) {
    return { calledBy: request.access?.userId, connector: request.access?.appConnectorId };
  }
}

describe('AfasTokenGuard on a Nest route', () => {
  let app: NestFastifyApplication;
  const state = new AccessState();
  const usage = new TokenUsageTracker(new MemoryTokenUsageSink(), { now: () => new Date('2026-11-21T12:00:00Z') });

  beforeAll(async () => {
    for (const event of positioned(liveConnector())) state.apply(event);
    @Module({
      controllers: [ArticlesController],
      providers: [
        { provide: ACCESS_CHECKER, useValue: new AccessChecker(state, new TrustedProxies([]), usage) },
        { provide: ACCESS_TARGET_RESOLVER, useValue: { resolve: () => ({ environmentId: ENV, connector: { kind: 'get', name: 'Profit_Article' } }) } },
      ],
    })
    class ArticlesModule {}
    app = await NestFactory.create<NestFastifyApplication>(ArticlesModule, new FastifyAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await usage.stop();
  });

  const call = (authorization?: string) => {
    const get = request(app.getHttpServer()).get('/articles');
    return authorization === undefined ? get : get.set('Authorization', authorization);
  };

  it('lets a granted token through, puts the access on the request and records the use', async () => {
    const response = await call(AUTHORIZATION);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ calledBy: USER, connector: CONNECTOR });
    await expect(usage.lastUsed('t1')).resolves.toBe('2026-11-21T12:00:00.000Z');
  });

  it('refuses a missing token with 401 in Profit\'s shape', async () => {
    const response = await call();
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ externalMessage: 'Token is not valid or not correctly applied', errorNumber: -1, profitLogReference: expect.any(String) });
  });

  it('refuses a blocked connector with 403', async () => {
    state.apply({ ...e.blocked(), position: 100 });
    const response = await call(AUTHORIZATION);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ externalMessage: 'App connector is blocked' });
  });
});
