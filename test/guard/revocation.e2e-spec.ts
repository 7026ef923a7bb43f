import type { AdminClient } from '../support/test-app.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { hostOf, readyConnector, type ReadyConnector } from './support/profit-fixtures.js';

/** Generous: the goal is 100 ms (measured in bench/guard.bench.mjs); this only proves it happens. */
const BOUND_MS = 5000;

describe('a change made through the admin API reaches the guard', () => {
  let app: GuardedApp;
  beforeAll(async () => {
    app = await startGuardedApp();
  });
  afterAll(() => app.close());

  const metaInfo = (ready: ReadyConnector) =>
    app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', hostOf(ready.environmentId)).set('Authorization', ready.authorization);

  async function statusOnceRefused(ready: ReadyConnector): Promise<number> {
    const deadline = Date.now() + BOUND_MS;
    for (;;) {
      const { status } = await metaInfo(ready);
      if (status !== 200 || Date.now() > deadline) return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it.each([
    ['RevokeToken', 401, (admin: AdminClient, r: ReadyConnector) => admin.delete(`${r.base}/tokens/${r.tokenId}`).expect(200)],
    ['BlockAppConnector', 403, (admin: AdminClient, r: ReadyConnector) => admin.post(`${r.base}/block`).expect(200)],
    [
      'RemoveMember',
      401,
      (admin: AdminClient, r: ReadyConnector) =>
        admin.delete(`/api/v1/environments/${r.environmentId}/user-groups/${r.groupId}/members/${r.userId}`).expect(200),
    ],
    [
      'AddIpRestriction',
      403,
      (admin: AdminClient, r: ReadyConnector) => admin.post(`${r.base}/ip-restrictions`).send({ access: 'deny', address: '127.0.0.1' }).expect(201),
    ],
  ])('after %s the guard refuses (%i)', async (_, status, change) => {
    const ready = await readyConnector(app.admin());
    await app.caughtUp();
    await metaInfo(ready).expect(200);
    await change(app.admin(), ready);
    expect(await statusOnceRefused(ready)).toBe(status);
  });
});
