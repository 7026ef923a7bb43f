import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';

/** The connector allows only 203.0.113.7; the test client's socket is 127.0.0.1. */
async function allowOnly(app: GuardedApp): Promise<ReadyConnector> {
  const ready = await readyConnector(app.admin());
  await app.admin().post(`${ready.base}/ip-restrictions`).send({ access: 'allow', address: '203.0.113.7' }).expect(201);
  await app.caughtUp();
  return ready;
}

const metaInfo = (app: GuardedApp, ready: ReadyConnector, forwardedFor?: string) => {
  const call = app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization);
  return forwardedFor === undefined ? call : call.set('X-Forwarded-For', forwardedFor);
};

describe('X-Forwarded-For without trusted proxies', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp();
  });
  afterAll(() => app.close());

  it('ignores a forged X-Forwarded-For: the socket address counts', async () => {
    const ready = await allowOnly(app);
    const response = await metaInfo(app, ready, '203.0.113.7').expect(403);
    expect(response.body.externalMessage).toBe('Forbidden; Due to IP restrictions');
  });

  it('lets the socket address through when it is the allowed one', async () => {
    const ready = await readyConnector(app.admin());
    await app.admin().post(`${ready.base}/ip-restrictions`).send({ access: 'allow', address: '127.0.0.1' }).expect(201);
    await app.caughtUp();
    await metaInfo(app, ready, '198.51.100.1').expect(200);
  });
});

describe('X-Forwarded-For behind trusted proxies', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({ TRUSTED_PROXIES: '127.0.0.1/32, 10.0.0.0/8' });
  });
  afterAll(() => app.close());

  it.each([
    ['the client a trusted proxy saw', '203.0.113.7', 200],
    ['the closest untrusted hop behind trusted ones', '203.0.113.7, 10.1.1.1, 10.2.2.2', 200],
    ['not a forged leftmost entry', '203.0.113.7, 198.51.100.1', 403],
    ['not a forged entry behind a trusted hop', '203.0.113.7, 198.51.100.1, 10.1.1.1', 403],
    ['an IPv4-mapped entry as IPv4', '::ffff:203.0.113.7', 200],
    ['a hop written with its port', '203.0.113.7:51234', 200],
    ['an unreadable hop as an unknown client', 'not-an-address', 403],
  ])('takes %s (%s → %i)', async (_, forwardedFor, status) => {
    const ready = await allowOnly(app);
    await metaInfo(app, ready, forwardedFor).expect(status);
  });

  it('reads IPv6 clients, with and without a port', async () => {
    const ready = await readyConnector(app.admin());
    await app.admin().post(`${ready.base}/ip-restrictions`).send({ access: 'deny', address: '2001:db8::/32' }).expect(201);
    await app.caughtUp();
    await metaInfo(app, ready, '2001:db8::7').expect(403);
    await metaInfo(app, ready, '[2001:db8::7]:443, 10.0.0.1').expect(403);
    await metaInfo(app, ready, '2001:db9::7').expect(200);
  });
});
