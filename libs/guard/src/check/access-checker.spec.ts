import { jest } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { AccessState } from '../access-index/access-state.js';
import { TrustedProxies } from '../client-address/trusted-proxies.js';
import { ProfitError } from '../nest/profit-error.js';
import { AUTHORIZATION, CONNECTOR, ENV, liveConnector, positioned, USER } from '../testing/access-events.js';
import { MemoryTokenUsageSink } from '../usage/memory-token-usage.sink.js';
import { TokenUsageTracker } from '../usage/token-usage.tracker.js';
import { AccessChecker } from './access-checker.js';

const state = new AccessState();
for (const event of positioned(liveConnector())) state.apply(event);
const usage = new TokenUsageTracker(new MemoryTokenUsageSink(), { now: () => new Date('2026-11-21T12:00:00Z') });
const checker = new AccessChecker(state, new TrustedProxies(['10.0.0.0/8']), usage, () => Date.parse('2026-11-21T12:00:00Z'));
const target = { environmentId: ENV, connector: { kind: 'get', name: 'Profit_Article' } } as const;

function request(headers: Record<string, string>, level = 'info', peer = '203.0.113.7') {
  const log = { level, debug: jest.fn(), info: jest.fn() };
  return { log, request: { headers, raw: { socket: { remoteAddress: peer } }, log } as unknown as FastifyRequest };
}

afterAll(() => usage.stop());

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
    let thrown: unknown;
    try {
      checker.check(call, target);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProfitError);
    const refusal = thrown as ProfitError;
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
});
