import { expectRefusedWithoutChange } from '../admin-api/refusals.js';
import { TestClock } from '../support/test-clock.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { afasHeader, GET_CONNECTOR, hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';

describe('POST …/tokens/{tokenId}/rotate', () => {
  const clock = new TestClock();
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp({}, { runtime: clock.runtime });
  });
  afterAll(() => app.close());

  const metaInfo = (ready: ReadyConnector, token: string) =>
    app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', afasHeader(token));
  const verify = async (ready: ReadyConnector, token: string) =>
    (
      await app
        .admin()
        .post('/api/v1/verify')
        .send({ environmentId: ready.environmentId, token, clientIp: '203.0.113.7', connector: { kind: 'get', name: GET_CONNECTOR } })
        .expect(200)
    ).body as { valid: boolean; code: string; tokenId: string | null };
  const rotate = (ready: ReadyConnector, overlapSeconds: unknown, tokenId = ready.tokenId) =>
    app.admin().post(`${ready.base}/tokens/${tokenId}/rotate`).send({ overlapSeconds });

  it('issues a new token for the same user and device, shown once, and keeps the old one valid until the overlap ends, then refuses it as expired', async () => {
    const ready = await readyConnector(app.admin());
    const rotated = await rotate(ready, 600).expect(201);
    const overlapEnd = new Date(clock.runtime.now().getTime() + 600_000);
    expect(rotated.headers['cache-control']).toBe('no-store');
    expect(rotated.body).toMatchObject({ userId: ready.userId, description: 'laptop', token: expect.stringMatching(/^<token>/), rotated: { id: ready.tokenId } });
    expect(rotated.body.id).not.toBe(ready.tokenId);
    expect(Math.abs(Date.parse(rotated.body.rotated.expiresAt) - overlapEnd.getTime())).toBeLessThan(5000);
    expect(rotated.headers.etag).toBe(`"${rotated.body.version}"`);

    const listed = await app.admin().get(`${ready.base}/tokens?minPosition=${rotated.body.position}`).expect(200);
    expect(listed.body.items.map((t: Record<string, unknown>) => [t.id, t.status, t.rotatedTo, t.expiresAt])).toEqual([
      [ready.tokenId, 'live', rotated.body.id, rotated.body.rotated.expiresAt],
      [rotated.body.id, 'live', null, null],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(rotated.body.token);

    await app.caughtUp();
    const fresh = rotated.body.token as string;
    await metaInfo(ready, ready.token).expect(200);
    await metaInfo(ready, fresh).expect(200);
    expect((await verify(ready, ready.token)).valid).toBe(true);

    const head = await app.headPosition();
    clock.advance(Date.parse(rotated.body.rotated.expiresAt) - clock.runtime.now().getTime());
    expect((await metaInfo(ready, ready.token).expect(401)).body.externalMessage).toBe('Token has expired');
    expect(await verify(ready, ready.token)).toMatchObject({ valid: false, code: 'token_expired', tokenId: ready.tokenId });
    await metaInfo(ready, fresh).expect(200);
    expect(await verify(ready, fresh)).toMatchObject({ valid: true, tokenId: rotated.body.id });
    // The overlap ends by the clock: nothing is written then.
    expect(await app.headPosition()).toBe(head);
  });

  it('refuses a second rotation while the overlap lasts (409), of either token, and allows one once it has ended', async () => {
    const ready = await readyConnector(app.admin());
    const first = await rotate(ready, 60).expect(201);
    const again = await expectRefusedWithoutChange(app, () => rotate(ready, 60), 409);
    expect(again.body.code).toBe('token_rotation_in_progress');
    await expectRefusedWithoutChange(app, () => rotate(ready, 60, first.body.id), 409);
    clock.advance(61_000);
    const expired = await expectRefusedWithoutChange(app, () => rotate(ready, 60), 422);
    expect(expired.body.code).toBe('token_expired');
    await rotate(ready, 60, first.body.id).expect(201);
  });

  it('ends the old token at once with an overlap of 0', async () => {
    const ready = await readyConnector(app.admin());
    const rotated = await rotate(ready, 0).expect(201);
    await app.caughtUp();
    await metaInfo(ready, ready.token).expect(401);
    await metaInfo(ready, rotated.body.token).expect(200);
  });

  it('keeps the one-token-per-device rule beside a rotation', async () => {
    const ready = await readyConnector(app.admin());
    await rotate(ready, 600).expect(201);
    const refused = await expectRefusedWithoutChange(app, () => app.admin().post(`${ready.base}/tokens`).send({ userId: ready.userId, description: 'laptop' }), 409);
    expect(refused.body.code).toBe('token_exists_for_device');
  });

  it.each([
    ['no overlap', undefined, 400],
    ['a negative overlap', -1, 400],
    ['a fractional overlap', 1.5, 400],
    ['an overlap over 30 days', 30 * 86_400 + 1, 400],
    ['an overlap as text', '60', 400],
  ])('refuses %s with a reason, writing nothing', async (_, overlapSeconds, status) => {
    const ready = await readyConnector(app.admin());
    await expectRefusedWithoutChange(app, () => rotate(ready, overlapSeconds), status);
  });

  it('refuses an unknown token (404), a revoked one (422) and a stale If-Match (412), writing nothing', async () => {
    const ready = await readyConnector(app.admin());
    await expectRefusedWithoutChange(app, () => rotate(ready, 60, 'no-such-token'), 404);
    const stale = await app.admin().get(`${ready.base}?minPosition=${await app.headPosition()}`).expect(200);
    await expectRefusedWithoutChange(
      app,
      () => app.admin().post(`${ready.base}/tokens/${ready.tokenId}/rotate`).set('If-Match', String(stale.body.version - 1)).send({ overlapSeconds: 60 }),
      412,
    );
    await app.admin().delete(`${ready.base}/tokens/${ready.tokenId}`).expect(200);
    const revoked = await expectRefusedWithoutChange(app, () => rotate(ready, 60), 422);
    expect(revoked.body.code).toBe('token_revoked');
  });

  it('answers a retry with the same Idempotency-Key with the first answer, issuing one token', async () => {
    const ready = await readyConnector(app.admin());
    const send = () => app.admin().post(`${ready.base}/tokens/${ready.tokenId}/rotate`).set('Idempotency-Key', `rotate-${ready.tokenId}`).send({ overlapSeconds: 60 });
    const first = await send().expect(201);
    const head = await app.headPosition();
    const retry = await send().expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await app.headPosition()).toBe(head);
  });

  it('records the rotation in the connector history without the token or its hash', async () => {
    const ready = await readyConnector(app.admin());
    const rotated = await rotate(ready, 60).expect(201);
    const history = await app.admin().get(`${ready.base}/history?limit=100`).expect(200);
    const items = history.body.items as { type: string; data: Record<string, unknown> }[];
    expect(items.slice(-2).map((item) => item.type)).toEqual(['TokenRotated', 'TokenGenerated']);
    expect(items.at(-2)!.data).toMatchObject({ tokenId: ready.tokenId, newTokenId: rotated.body.id, expiresAt: rotated.body.rotated.expiresAt });
    expect(JSON.stringify(history.body)).not.toContain('tokenHash');
  });
});
