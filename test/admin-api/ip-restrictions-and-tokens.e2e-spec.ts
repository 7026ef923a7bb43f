import { connectorSetup, registerUser } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectRefusedWithoutChange } from './refusals.js';

describe('IP restrictions and tokens', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each([
    [{ access: 'allow', address: '203.0.113.7' }, '203.0.113.7/32'],
    [{ access: 'allow', address: '10.1.2.3/8' }, '10.0.0.0/8'],
    [{ access: 'allow', address: '192.168.10.77', subnetMask: '255.255.255.0' }, '192.168.10.0/24'],
    [{ access: 'allow', address: '2001:DB8::1/32' }, '2001:db8::/32'],
    [{ access: 'allow', address: '::ffff:198.51.100.9' }, '198.51.100.9/32'],
  ])('adds %j stored as %s', async (body, cidr) => {
    const { base } = await connectorSetup(app.admin());
    const response = await app.admin().post(`${base}/ip-restrictions`).send(body).expect(201);
    expect(response.body).toMatchObject({ access: 'allow', cidr, id: expect.any(String), version: 2 });
  });

  it('refuses mixing allow and deny with 422, duplicates with 409, and removes by id', async () => {
    const { base } = await connectorSetup(app.admin());
    const added = await app.admin().post(`${base}/ip-restrictions`).send({ access: 'allow', address: '10.0.0.0/8' }).expect(201);
    const mixed = await expectRefusedWithoutChange(
      app,
      () => app.admin().post(`${base}/ip-restrictions`).send({ access: 'deny', address: '192.0.2.1' }),
      422,
    );
    expect(mixed.body.detail).toMatch(/either/i);
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/ip-restrictions`).send({ access: 'allow', address: '10.9.9.9/8' }), 409);
    const removed = await app.admin().delete(`${base}/ip-restrictions/${added.body.id}`).expect(200);
    expect(removed.body.ipRestrictions).toEqual([]);
    await expectRefusedWithoutChange(app, () => app.admin().delete(`${base}/ip-restrictions/${added.body.id}`), 404);
  });

  it.each([
    { access: 'allow', address: '300.1.1.1' },
    { access: 'allow', address: '10.0.0.1', subnetMask: '255.0.255.0' },
    { access: 'allow', address: '10.0.0.0/33' },
    { access: 'allow', address: '2001:db8::1', subnetMask: '255.255.255.0' },
    { access: 'maybe', address: '10.0.0.1' },
  ])('refuses %j with 400', async (body) => {
    const { base } = await connectorSetup(app.admin());
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/ip-restrictions`).send(body), 400);
  });

  it('generates a token once for a member and stores only its hash and hint', async () => {
    const { base, userId, environmentId, id } = await connectorSetup(app.admin());
    const response = await app.admin().post(`${base}/tokens`).send({ userId, description: 'laptop' }).expect(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const data = /^<token><version>1<\/version><data>([0-9A-F]{64})<\/data><\/token>$/.exec(response.body.token)![1]!;
    expect(response.body.hint).toBe(`…${data.slice(-4)}`);
    const events = await app.eventStore.readStream(`app-connector-${environmentId}-${id}`);
    expect(events.at(-1)?.data).toMatchObject({ tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(events)).not.toContain(data);
    expect(app.logs()).not.toContain(data);
  });

  it('refuses a second live token for the same user and device (409) until the first is revoked', async () => {
    const { base, userId } = await connectorSetup(app.admin());
    const first = await app.admin().post(`${base}/tokens`).send({ userId, description: 'laptop' }).expect(201);
    const refused = await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/tokens`).send({ userId, description: 'laptop' }), 409);
    expect(refused.body.detail).toMatch(/revoke/i);
    await app.admin().post(`${base}/tokens`).send({ userId, description: 'phone' }).expect(201);
    await app.admin().delete(`${base}/tokens/${first.body.id}`).expect(200);
    await app.admin().post(`${base}/tokens`).send({ userId, description: 'laptop' }).expect(201);
  });

  it('refuses tokens for users outside the group (422) and unknown tokens (404)', async () => {
    const { base, environmentId } = await connectorSetup(app.admin());
    const outsider = await registerUser(app.admin(), environmentId, 'outsider');
    await expectRefusedWithoutChange(app, () => app.admin().post(`${base}/tokens`).send({ userId: outsider, description: 'pc' }), 422);
    await expectRefusedWithoutChange(app, () => app.admin().delete(`${base}/tokens/unknown-token`), 404);
  });
});
