import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { credentialsOf, freshAddress, otpCall, otpSetup, startOtpApp, type OtpApp } from './support/otp-app.js';

describe('e-mails of token requests without an SMTP server', () => {
  let app: OtpApp;
  beforeAll(async () => {
    app = await startOtpApp({});
  });
  afterAll(() => app.close());

  it('writes each e-mail as an .eml file only its owner may read, logging its path but never the password', async () => {
    const setup = await otpSetup(app);
    await otpCall(app, setup, 'OtpRequest', { ...credentialsOf(setup), description: 'iPhone' }, freshAddress()).expect(201);
    await app.otpIdle();
    const folder = join(app.dataDir, 'mail');
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    const file = join(folder, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const message = readFileSync(file, 'utf8');
    expect(message).toMatch(/^Subject: Webshop NL: your one-time password$/m);
    expect(message).toMatch(/^To: jdoe@example\.com$/m);
    const otp = /^ {4}(\d{8})$/m.exec(message)![1]!;
    const sent = app.logs().split('\n').find((line) => line.includes('e-mail sent'));
    expect(sent).toContain(file);
    expect(app.logs()).not.toContain(otp);
    await otpCall(app, setup, 'OtpValidation', { ...credentialsOf(setup), otp }, freshAddress()).expect(200);
  });
});

describe('an SMTP server that cannot be reached', () => {
  let app: OtpApp;
  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    app = await startOtpApp({ SMTP_URL: `smtp://127.0.0.1:${port}` }, undefined, [10, 10]);
  });
  afterAll(() => app.close());

  it('still answers 201 at once, retries, then shows the failure on /health and in the log', async () => {
    const before = await app.anonymous().get('/health').expect(200);
    expect(before.body.details.mail).toMatchObject({ status: 'up', failed: 0 });
    const setup = await otpSetup(app);
    await otpCall(app, setup, 'OtpRequest', credentialsOf(setup), freshAddress()).expect(201);
    await app.otpIdle();
    const health = await app.anonymous().get('/health').expect(200);
    expect(health.body.details.mail).toMatchObject({ status: 'degraded', sent: 0, failed: 1, lastFailure: { error: expect.stringMatching(/^E[A-Z]+$/) } });
    expect(JSON.stringify(health.body)).not.toContain('example.com');
    const lines = app.logs().split('\n');
    expect(lines.filter((line) => line.includes('e-mail not sent; retrying'))).toHaveLength(2);
    const givenUp = lines.filter((line) => line.includes('e-mail could not be sent; given up'));
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]).toContain('ECONNREFUSED');
  });
});
