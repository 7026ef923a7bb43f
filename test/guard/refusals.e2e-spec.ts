import { registerEnvironment } from '../support/fixtures.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { readyConnector } from './support/profit-fixtures.js';
import { SURFACES } from './support/surfaces.js';

/** Every refusal after the token was read, asked of both surfaces with the same setup. */
describe.each(Object.entries(SURFACES))('the %s surface', (surface, ask) => {
  let app: GuardedApp;
  /** The Profit surface answers a refusal with its status; verify always with 200 and the code. */
  const refused = (code: string, status: 401 | 403) => ({ allowed: false, code, status: surface === 'profit' ? status : 200 });
  beforeAll(async () => {
    // 127.0.0.1 is the test client's socket: trusted, so X-Forwarded-For carries the client address.
    app = await startGuardedApp({ TRUSTED_PROXIES: '127.0.0.1/32' });
  });
  afterAll(() => app.close());

  async function ready() {
    const connector = await readyConnector(app.admin());
    await app.caughtUp();
    return connector;
  }

  it('allows a granted call of a live token', async () => {
    expect(await ask(app, await ready())).toMatchObject({ allowed: true, code: 'allowed' });
  });

  it('refuses a revoked token (401 token_revoked)', async () => {
    const connector = await ready();
    await app.admin().delete(`${connector.base}/tokens/${connector.tokenId}`).expect(200);
    await app.caughtUp();
    expect(await ask(app, connector)).toEqual(refused('token_revoked', 401));
  });

  it("refuses a token in another environment than its own (401 wrong_environment)", async () => {
    const connector = await ready();
    const { environmentId } = await registerEnvironment(app.admin());
    await app.caughtUp();
    expect(await ask(app, connector, { environmentId })).toEqual(refused('wrong_environment', 401));
  });

  it('refuses the token of a user removed from the user group (401 not_in_user_group)', async () => {
    const connector = await ready();
    await app.admin().delete(`/api/v1/environments/${connector.environmentId}/user-groups/${connector.groupId}/members/${connector.userId}`).expect(200);
    await app.caughtUp();
    expect(await ask(app, connector)).toEqual(refused('not_in_user_group', 401));
  });

  it('refuses when the connector is blocked (403 connector_blocked), before IP and grant checks', async () => {
    const connector = await ready();
    await app.admin().post(`${connector.base}/ip-restrictions`).send({ access: 'allow', address: '192.0.2.1' }).expect(201);
    await app.admin().post(`${connector.base}/block`).expect(200);
    await app.caughtUp();
    const outcome = await ask(app, connector, { clientIp: '198.51.100.1', connector: { kind: 'get', name: 'NotGranted' } });
    expect(outcome).toEqual(refused('connector_blocked', 403));
  });

  it('refuses every token of a deleted connector at once (401 connector_archived), before group, block and IP checks', async () => {
    const connector = await ready();
    await app.admin().post(`${connector.base}/ip-restrictions`).send({ access: 'allow', address: '192.0.2.1' }).expect(201);
    await app.admin().post(`${connector.base}/block`).expect(200);
    await app.admin().delete(connector.base).expect(200);
    await app.caughtUp();
    expect(await ask(app, connector, { clientIp: '198.51.100.1' })).toEqual(refused('connector_archived', 401));
  });

  it('refuses a connector that is not granted (401 connector_not_granted)', async () => {
    const connector = await ready();
    for (const call of [
      { kind: 'get', name: 'Profit_Employee' },
      { kind: 'update', name: 'Profit_Article' },
    ] as const) {
      expect(await ask(app, connector, { connector: call })).toEqual(refused('connector_not_granted', 401));
    }
  });

  it('checks the special connector AppConnectorSubject', async () => {
    const connector = await ready();
    const subject = { kind: 'special', name: 'AppConnectorSubject' } as const;
    expect(await ask(app, connector, { connector: subject })).toMatchObject({ allowed: true });
    await app.admin().delete(`${connector.base}/special-connectors/AppConnectorSubject`).expect(200);
    await app.caughtUp();
    expect(await ask(app, connector, { connector: subject })).toEqual(refused('connector_not_granted', 401));
  });

  it.each([
    ['allow', '203.0.113.0/24', '203.0.113.9', true],
    ['allow', '203.0.113.0/24', '198.51.100.9', false],
    ['allow', '203.0.113.7', '::ffff:203.0.113.7', true],
    ['allow', '2001:db8::/32', '2001:db8::42', true],
    ['allow', '2001:db8::/32', '2001:db9::42', false],
    ['allow', '2001:db8::/32', '203.0.113.9', false],
    ['deny', '203.0.113.0/24', '203.0.113.9', false],
    ['deny', '203.0.113.0/24', '198.51.100.9', true],
    ['deny', '198.51.100.9', '::ffff:198.51.100.9', false],
    ['deny', '2001:db8::/32', '2001:db8:0:1::1', false],
    ['deny', '2001:db8::/32', '2001:db9::1', true],
  ])('IP restriction %s %s: client %s allowed=%s', async (access, address, clientIp, allowed) => {
    const connector = await ready();
    await app.admin().post(`${connector.base}/ip-restrictions`).send({ access, address }).expect(201);
    await app.caughtUp();
    const outcome = await ask(app, connector, { clientIp });
    expect(outcome).toMatchObject(allowed ? { allowed: true } : refused('ip_restricted', 403));
  });
});
