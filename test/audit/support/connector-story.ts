import { connectorSetup } from '../../support/fixtures.js';
import type { AdminClient } from '../../support/test-app.js';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * A connector with one of each kind of change, each at its own millisecond (the pauses), so that a
 * time between two changes is well defined. Versions: 1 created, 2 granted, 3 IP restriction,
 * 4 token, 5 unblocked, 6 description, 7 token revoked.
 */
export async function connectorStory(admin: AdminClient) {
  const setup = await connectorSetup(admin);
  const { base, userId } = setup;
  const step = async (call: () => PromiseLike<unknown>) => {
    await pause(15);
    await call();
  };
  await step(() => admin.post(`${base}/get-connectors`).send({ names: ['Profit_Debtors'] }).expect(200));
  await step(() => admin.post(`${base}/ip-restrictions`).send({ access: 'allow', address: '10.0.0.0/8' }).expect(201));
  let token = { id: '', token: '', hint: '' };
  await step(async () => {
    token = (await admin.post(`${base}/tokens`).send({ userId, description: 'laptop' }).expect(201)).body;
  });
  await step(() => admin.post(`${base}/unblock`).expect(200));
  await step(() => admin.put(`${base}/description`).send({ description: 'Webshop 2' }).expect(200));
  let lastAnswer: Record<string, unknown> = {};
  await step(async () => {
    lastAnswer = (await admin.delete(`${base}/tokens/${token.id}`).expect(200)).body;
  });
  const tokenData = /<data>([0-9A-F]{64})<\/data>/.exec(token.token)![1]!;
  return { ...setup, tokenId: token.id, tokenHint: token.hint, tokenText: token.token, tokenData, lastAnswer };
}

export const streamOf = (environmentId: string, id: string) => `app-connector-${environmentId}-${id}`;
