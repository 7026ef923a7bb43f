import type { MailOutbox } from '../../../apps/api/src/mail/mail-outbox.js';
import { OtpModule } from '../../../apps/api/src/otp/otp.module.js';
import { MAIL_OUTBOX } from '../../../apps/api/src/otp/otp.tokens.js';
import { createGroup, registerEnvironment, registerUser } from '../../support/fixtures.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { TestClock } from '../../support/test-clock.js';
import { afasHeader, hostOf } from '../../guard/support/profit-fixtures.js';

export interface OtpApp extends TestApp {
  /** Resolves when the work of every token request answered so far is done, its e-mail sent or given up on. */
  otpIdle(): Promise<void>;
}

export async function startOtpApp(env: Record<string, string>, clock = new TestClock(), mailRetryDelaysMs?: readonly number[]): Promise<OtpApp> {
  // Each test sends from its own address (X-Forwarded-For from the trusted loopback), so limits per address stay apart.
  const app = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1', ...env }, { runtime: clock.runtime, ...(mailRetryDelaysMs ? { mailRetryDelaysMs } : {}) });
  const otpIdle = async () => {
    await app.app.get(OtpModule).idle();
    await app.app.get<symbol, MailOutbox>(MAIL_OUTBOX).drain();
  };
  return { ...app, otpIdle };
}

let addressCounter = 0;
/** A fresh client address per call site: `198.51.100.x`. */
export const freshAddress = () => `198.51.100.${++addressCounter}`;

/**
 * A connector (unblocked, granted nothing) on a group with jdoe (e-mail jdoe@example.com), and
 * outside the group amy (with e-mail) and bot (none, registered in the group).
 */
export async function otpSetup(app: TestApp) {
  const admin = app.admin();
  const { environmentId, environmentKey } = await registerEnvironment(admin);
  const userId = await registerUser(admin, environmentId, 'jdoe');
  const outsider = await registerUser(admin, environmentId, 'amy');
  const noMail = `${environmentId}.bot`;
  await admin.post(`/api/v1/environments/${environmentId}/users`).send({ userId: noMail, name: 'bot', kind: 'system' }).expect(201);
  const groupId = await createGroup(admin, environmentId, [userId, noMail]);
  const created = await admin.post(`/api/v1/environments/${environmentId}/app-connectors`).send({ description: 'Webshop NL', userGroupId: groupId }).expect(201);
  const id = created.body.id as string;
  const base = `/api/v1/environments/${environmentId}/app-connectors/${id}`;
  await admin.post(`${base}/unblock`).expect(200);
  const apiKey = created.body.apiKey as string;
  expect(apiKey).toMatch(/^[0-9a-f]{32}$/);
  return { environmentId, environmentKey, apiKey, userId, outsider, noMail, groupId, id, base, host: hostOf(environmentId) };
}

export type OtpSetup = Awaited<ReturnType<typeof otpSetup>>;

/** A POST to one of the routes in the host form, with the body sent as text (as real clients do). */
export function otpCall(app: TestApp, setup: OtpSetup, endpoint: string, body: object | string, address: string) {
  return app
    .anonymous()
    .post(`/ProfitRestServices/${endpoint}`)
    .set('Host', setup.host)
    .set('X-Forwarded-For', address)
    .set('Content-Type', 'text/plain')
    .send(typeof body === 'string' ? body : JSON.stringify(body));
}

export const credentialsOf = (setup: OtpSetup, userId = setup.userId) => ({ apiKey: setup.apiKey, apiToken: setup.environmentKey, userId });

export { afasHeader };
