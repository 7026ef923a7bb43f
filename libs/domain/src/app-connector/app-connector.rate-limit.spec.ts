import { fold } from '../shared/decider.js';
import { deciderSpec } from '../shared/testing/given-when-then.js';
import type { AppConnectorCommand } from './app-connector.commands.js';
import { appConnectorDecider } from './app-connector.decider.js';
import type { AppConnectorEvent } from './app-connector.events.js';
import { created, ref } from './app-connector.fixtures.js';
import type { RateLimit } from './app-connector.rate-limit.js';

const given = deciderSpec(appConnectorDecider);
const setLimit = (limit: RateLimit | null): AppConnectorCommand => ({ type: 'SetRateLimit', data: { limit } });
const limitSet = (limit: RateLimit | null): AppConnectorEvent => ({ type: 'RateLimitSet', data: { ...ref, limit } });
const TEN = { requestsPerSecond: 10, burst: 20 };

describe('SetRateLimit', () => {
  it('sets, changes and lifts the limit', () => {
    given([created]).when(setLimit(TEN)).then([limitSet(TEN)]);
    given([created, limitSet(TEN)]).when(setLimit({ requestsPerSecond: 0.5, burst: 1 })).then([limitSet({ requestsPerSecond: 0.5, burst: 1 })]);
    given([created, limitSet(TEN)]).when(setLimit(null)).then([limitSet(null)]);
  });

  it('changes nothing when the limit is already so, or when there is none to lift', () => {
    given([created, limitSet(TEN)]).when(setLimit({ ...TEN })).then([]);
    given([created]).when(setLimit(null)).then([]);
  });

  it('keeps only the two numbers of the limit it is given', () => {
    const withExtra = { ...TEN, note: 'x' } as RateLimit;
    given([created]).when(setLimit(withExtra)).then([limitSet(TEN)]);
  });

  it.each([0, -1, 100_001, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p requests per second', (requestsPerSecond) => {
    given([created]).when(setLimit({ requestsPerSecond, burst: 1 })).thenThrows('invalid', 'requests_per_second_invalid', 'requestsPerSecond');
  });

  it.each([0, 1.5, 100_001, Number.NaN])('refuses a burst of %p', (burst) => {
    given([created]).when(setLimit({ requestsPerSecond: 1, burst })).thenThrows('invalid', 'burst_invalid', 'burst');
  });

  it('is folded into the state the guard and the read side show', () => {
    expect(fold(appConnectorDecider, [created])?.rateLimit).toBeNull();
    expect(fold(appConnectorDecider, [created, limitSet(TEN)])?.rateLimit).toEqual(TEN);
    expect(fold(appConnectorDecider, [created, limitSet(TEN), limitSet(null)])?.rateLimit).toBeNull();
  });
});
