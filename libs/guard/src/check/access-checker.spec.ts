import { jest } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { AccessState } from '../access-index/access-state.js';
import { TrustedProxies } from '../client-address/trusted-proxies.js';
import { ProfitError } from '../nest/profit-error.js';
import { AUTHORIZATION, CONNECTOR, e, ENV, liveConnector, positioned, USER } from '../testing/access-events.js';
import { MemoryTokenUsageSink } from '../usage/memory-token-usage.sink.js';
import { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import { AccessChecker } from './access-checker.js';

const state = new AccessState();
for (const event of positioned(liveConnector())) state.apply(event);
const NOW = Date.parse('2026-11-21T12:00:00Z');
const HOUR = NOW / 3_600_000;
const usage = new TokenUsageTracker(new MemoryTokenUsageSink());
const checker = new AccessChecker(state, new TrustedProxies(['10.0.0.0/8']), usage, () => NOW);
const target = { environmentId: ENV, connector: { kind: 'get', name: 'Profit_Article' } } as const;

function request(headers: Record<string, string>, level = 'info', peer = '203.0.113.7') {
  const log = { level, debug: jest.fn(), info: jest.fn() };
  return { log, request: { headers, raw: { socket: { remoteAddress: peer } }, log } as unknown as FastifyRequest };
}

afterAll(() => usage.stop());

function refusalOf(check: () => unknown): ProfitError {
  try {
    check();
  } catch (error) {
    if (error instanceof ProfitError) return error;
    throw error;
  }
  throw new Error('the call was allowed');
}

const countsOf = (tracker: TokenUsageTracker) => tracker.counts({ environmentId: ENV, appConnectorId: CONNECTOR, fromHour: HOUR, toHour: HOUR + 1 });

describe('AccessChecker', () => {
  it('grants a live token, records its use, and logs nothing above debug', async () => {
    const { request: call, log } = request({ authorization: AUTHORIZATION });
    expect(checker.check(call, target)).toMatchObject({ allowed: true, appConnectorId: CONNECTOR, userId: USER, tokenId: 't1' });
    expect(log.debug).not.toHaveBeenCalled();
    await expect(usage.lastUsed('t1')).resolves.toBe('2026-11-21T12:00:00.000Z');
  });

  it('logs an allowed call at debug, with who and from where, never the token', () => {
    const { request: call, log } = request({ authorization: AUTHORIZATION }, 'debug');
    checker.check(call, target);
    expect(log.debug).toHaveBeenCalledWith(
      { environmentId: ENV, connector: target.connector, clientIp: '203.0.113.7', code: 'allowed', appConnectorId: CONNECTOR, userId: USER, tokenId: 't1' },
      'profit access allowed',
    );
    expect(JSON.stringify(log.debug.mock.calls)).not.toContain(AUTHORIZATION.slice('AfasToken '.length));
  });

  it('throws a refusal in Profit\'s shape and logs it at info with the same reference', () => {
    const { request: call, log } = request({});
    const refusal = refusalOf(() => checker.check(call, target));
    expect([refusal.getStatus(), refusal.code]).toEqual([401, 'token_missing']);
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_missing', profitLogReference: refusal.body.profitLogReference }), 'profit access refused');
  });

  it('takes the client address from X-Forwarded-For only behind a trusted proxy', () => {
    const forged = request({ authorization: AUTHORIZATION, 'x-forwarded-for': '198.51.100.1' }, 'debug', '203.0.113.7');
    checker.check(forged.request, target);
    expect(forged.log.debug.mock.calls[0]?.[0]).toMatchObject({ clientIp: '203.0.113.7' });
    const proxied = request({ authorization: AUTHORIZATION, 'x-forwarded-for': '198.51.100.1' }, 'debug', '10.1.2.3');
    checker.check(proxied.request, target);
    expect(proxied.log.debug.mock.calls[0]?.[0]).toMatchObject({ clientIp: '198.51.100.1' });
  });

  it('counts allowed calls and refusals of a known token by code, and not refusals that name no token', async () => {
    const counted = new TokenUsageTracker(new MemoryTokenUsageSink());
    const own = new AccessChecker(state, new TrustedProxies([]), counted, () => NOW);
    own.check(request({ authorization: AUTHORIZATION }).request, target);
    own.check(request({ authorization: AUTHORIZATION }).request, target);
    refusalOf(() => own.check(request({ authorization: AUTHORIZATION }).request, { environmentId: ENV, connector: { kind: 'get', name: 'Profit_Debtor' } }));
    refusalOf(() => own.check(request({}).request, target));
    expect((await countsOf(counted)).map(({ outcome, calls }) => [outcome, calls])).toEqual([['allowed', 2], ['connector_not_granted', 1]]);
    await counted.stop();
  });

  it("refuses a call beyond the connector's rate limit with 429 and Retry-After, counted as rate_limited", async () => {
    const limited = new AccessState();
    for (const event of positioned([...liveConnector(), e.rateLimit({ requestsPerSecond: 0.5, burst: 2 })])) limited.apply(event);
    let clock = NOW;
    const counted = new TokenUsageTracker(new MemoryTokenUsageSink());
    const own = new AccessChecker(limited, new TrustedProxies([]), counted, () => clock);
    const call = () => own.check(request({ authorization: AUTHORIZATION }).request, target);
    call();
    call();
    const refusal = refusalOf(call);
    expect([refusal.getStatus(), refusal.code, refusal.retryAfterSeconds]).toEqual([429, 'rate_limited', 2]);
    expect(refusal.body.externalMessage).toMatch(/rate limit/);
    clock += 2000;
    expect(call()).toMatchObject({ allowed: true });
    expect((await countsOf(counted)).map(({ outcome, calls }) => [outcome, calls])).toEqual([['allowed', 3], ['rate_limited', 1]]);
    await counted.stop();
  });

  it('lets a refused call take nothing from the bucket', () => {
    const limited = new AccessState();
    for (const event of positioned([...liveConnector(), e.rateLimit({ requestsPerSecond: 1, burst: 1 })])) limited.apply(event);
    const own = new AccessChecker(limited, new TrustedProxies([]), new TokenUsageTracker(new MemoryTokenUsageSink()), () => NOW);
    for (let i = 0; i < 5; i++) refusalOf(() => own.check(request({ authorization: AUTHORIZATION }).request, { environmentId: ENV, connector: { kind: 'get', name: 'Profit_Debtor' } }));
    expect(own.check(request({ authorization: AUTHORIZATION }).request, target)).toMatchObject({ allowed: true });
  });
});
