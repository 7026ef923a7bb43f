import { loadProfitUpstreams } from './profit-upstreams.js';

describe('loadProfitUpstreams', () => {
  it('prefers the environment’s own upstream and drops a trailing slash', () => {
    const upstreams = loadProfitUpstreams({ UPSTREAM_URL: 'http://profit.internal:8080/', UPSTREAM_URL_12345: 'https://other.internal/base/' });
    expect(upstreams.baseFor('12345')).toBe('https://other.internal/base');
    expect(upstreams.baseFor('54321')).toBe('http://profit.internal:8080');
  });

  it('has none without configuration', () => {
    expect(loadProfitUpstreams({}).baseFor('12345')).toBeNull();
  });

  it.each([
    [{ UPSTREAM_URL: 'not a url' }, /not a URL/],
    [{ UPSTREAM_URL_12345: 'ftp://x' }, /http and https/],
    [{ UPSTREAM_URL: 'http://x/?a=1' }, /no query/],
  ])('refuses %j at startup', (env, message) => {
    expect(() => loadProfitUpstreams(env)).toThrow(message);
  });
});
