import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afasHeader, credentialsOf, freshAddress, otpCall, otpSetup, startOtpApp, type OtpApp, type OtpSetup } from './support/otp-app.js';
import { TestClock } from '../support/test-clock.js';
import { otpOf, SmtpInbox, subjectOf } from './support/smtp-inbox.js';
import { expectRefusedWithoutChange } from '../admin-api/refusals.js';

const TOKEN_XML = /^<token><version>1<\/version><data>[0-9A-F]{64}<\/data><\/token>$/;

describe('token request by one-time password, through SMTP', () => {
  const inbox = new SmtpInbox();
  const clock = new TestClock();
  let app: OtpApp;
  let setup: OtpSetup;
  beforeAll(async () => {
    app = await startOtpApp({ SMTP_URL: await inbox.start(), MAIL_FROM: 'profit@example.com' }, clock);
  });
  beforeEach(async () => {
    setup = await otpSetup(app);
  });
  afterAll(async () => {
    await app.close();
    await inbox.close();
  });

  /** Asks for a password and reads it out of the e-mail that arrives. */
  async function requestOtp(address: string, body: object = { ...credentialsOf(setup), description: 'iPhone' }) {
    const count = inbox.messages.length;
    const answer = await otpCall(app, setup, 'OtpRequest', body, address);
    expect(answer.status).toBe(201);
    const mail = await inbox.nth(count + 1);
    return { answer, mail, otp: otpOf(mail) };
  }

  /** A new request is answered 201 but sends nothing, the password sent before is refused, and nothing is stored. */
  async function expectNothingSentAndRefused(otp: string, address: string) {
    const headBefore = await app.headPosition();
    const mailsBefore = inbox.messages.length;
    expect((await otpCall(app, setup, 'OtpRequest', { ...credentialsOf(setup), description: 'Laptop' }, address)).status).toBe(201);
    await app.otpIdle();
    expect((await validate(otp, address).expect(401)).body.externalMessage).toBe('The one-time password is not valid');
    expect(await app.headPosition()).toBe(headBefore);
    expect(inbox.messages.length).toBe(mailsBefore);
  }

  const validate = (otp: string, address: string, userId = setup.userId) =>
    otpCall(app, setup, 'OtpValidation', { ...credentialsOf(setup, userId), otp }, address);

  const historyOf = async () => (await app.admin().get(`${setup.base}/history?limit=100`).expect(200)).body.items as { type: string; actor: string; sourceIp: string | null; data: object }[];
  const typesOf = async () => (await historyOf()).map((event) => event.type);

  it('e-mails a password under the connector description and turns it into a token the guard accepts', async () => {
    const address = freshAddress();
    const { answer, mail, otp } = await requestOtp(address);
    expect(answer.text).toBe('');
    expect(mail.to).toEqual(['jdoe@example.com']);
    expect(subjectOf(mail)).toContain('Webshop NL');
    expect(otp).toMatch(/^\d{8}$/);

    const validated = await validate(otp, address).expect(200);
    expect(validated.headers['content-type']).toMatch(/^application\/json/);
    expect(validated.body.token).toMatch(TOKEN_XML);

    const meta = await app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', setup.host).set('Authorization', afasHeader(validated.body.token));
    expect(meta.status).toBe(200);
    const tokens = await app.admin().get(`${setup.base}/tokens?minPosition=${await app.headPosition()}`).expect(200);
    expect(tokens.body.items).toEqual([expect.objectContaining({ userId: setup.userId, description: 'iPhone', status: 'live' })]);
  });

  it("gives the token the connector's token validity, which MetaInfo shows and the guard holds to", async () => {
    await app.admin().put(`${setup.base}/token-validity`).send({ days: 3 }).expect(200);
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    const validatedAt = clock.runtime.now().getTime();
    const { token } = (await validate(otp, address).expect(200)).body as { token: string };
    const tokens = await app.admin().get(`${setup.base}/tokens?minPosition=${await app.headPosition()}`).expect(200);
    const expiresAt = tokens.body.items[0].expiresAt as string;
    expect(Math.abs(Date.parse(expiresAt) - (validatedAt + 3 * 86_400_000))).toBeLessThan(5000);
    const metaInfo = () => app.anonymous().get('/ProfitRestServices/MetaInfo').set('Host', setup.host).set('Authorization', afasHeader(token));
    expect((await metaInfo().expect(200)).body.info.tokenExpiry).toBe(expiresAt);
    clock.advance(3 * 86_400_000 + 5000);
    expect((await metaInfo().expect(401)).body.externalMessage).toBe('Token has expired');
  });

  it('records every step in the connector history with the user as actor and the client address', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    await validate('00000000' === otp ? '00000001' : '00000000', address).expect(401);
    await validate(otp, address).expect(200);
    const steps = (await historyOf()).filter((event) => /^Otp|^Token/.test(event.type));
    expect(steps.map((event) => event.type)).toEqual(['OtpRequested', 'OtpAttemptFailed', 'OtpAccepted', 'TokenGenerated']);
    for (const event of steps) expect(event).toMatchObject({ actor: setup.userId, sourceIp: address });
    expect(JSON.stringify(steps)).not.toContain('otpHash');
  });

  it('reads bodies as JSON whatever the content type, with field names in any case, in the /{env}/… form too', async () => {
    const address = freshAddress();
    const count = inbox.messages.length;
    const body = JSON.stringify({ APIKEY: setup.apiKey.toUpperCase(), apitoken: setup.environmentKey, userid: 'JDOE@example.com' });
    const answer = await app.anonymous().post(`/${setup.environmentId}/profitrestservices/otprequest`).set('X-Forwarded-For', address).send(body);
    expect(answer.status).toBe(201);
    const otp = otpOf(await inbox.nth(count + 1));
    const validated = await app
      .anonymous()
      .post(`/${setup.environmentId}/ProfitRestServices/OTPVALIDATION`)
      .set('X-Forwarded-For', address)
      .set('Content-Type', 'application/json')
      .send({ ApiKey: setup.apiKey, ApiToken: setup.environmentKey, UserId: setup.userId, Otp: otp });
    expect(validated.status).toBe(200);
    const tokens = await app.admin().get(`${setup.base}/tokens?minPosition=${await app.headPosition()}`).expect(200);
    expect(tokens.body.items).toEqual([expect.objectContaining({ description: 'Token requested by one-time password' })]);
  });

  it('refuses a wrong, a reused and an expired password alike (401, Profit body), issuing nothing', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    const wrong = await validate(otp === '12345678' ? '87654321' : '12345678', address);
    await validate(otp, address).expect(200);
    const reused = await validate(otp, address);

    const second = await requestOtp(address, { ...credentialsOf(setup), description: 'Laptop' });
    clock.advance(10 * 60_000);
    const expired = await validate(second.otp, address);

    for (const refusal of [wrong, reused, expired]) {
      expect(refusal.status).toBe(401);
      expect(refusal.body).toEqual({ externalMessage: 'The one-time password is not valid', errorNumber: -1, profitLogReference: expect.any(String) });
    }
    expect((await typesOf()).filter((type) => type === 'TokenGenerated')).toHaveLength(1);
  });

  it('voids a request after 5 wrong passwords: the right one is refused after that', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    const wrong = otp.startsWith('9') ? '1' : '9';
    for (let attempt = 0; attempt < 5; attempt += 1) await validate(`${wrong}${otp.slice(1)}`, address).expect(401);
    await validate(otp, address).expect(401);
    const history = await historyOf();
    expect(history.filter((event) => event.type === 'OtpAttemptFailed').map((event) => (event.data as { locked: boolean }).locked)).toEqual([false, false, false, false, true]);
    expect(history.map((event) => event.type)).not.toContain('TokenGenerated');
  });

  it('counts wrong passwords sent in parallel one by one: 401 for each, void after the fifth, no 5xx', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    const wrong = `${otp.startsWith('9') ? '1' : '9'}${otp.slice(1)}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => validate(wrong, address)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(401));
    await validate(otp, address).expect(401);
    const failures = (await historyOf()).filter((event) => event.type === 'OtpAttemptFailed').map((event) => event.data as { failedAttempts: number; locked: boolean });
    expect(failures.map((failure) => failure.failedAttempts)).toEqual([1, 2, 3, 4, 5]);
    expect(failures.map((failure) => failure.locked)).toEqual([false, false, false, false, true]);
  });

  it('voids an older password when a newer one is requested', async () => {
    const address = freshAddress();
    const first = await requestOtp(address);
    const second = await requestOtp(address);
    if (first.otp !== second.otp) await validate(first.otp, address).expect(401);
    await validate(second.otp, address).expect(200);
  });

  it('refuses a token for a device that has a live one (409, saying what to do), storing no token', async () => {
    const address = freshAddress();
    await validate((await requestOtp(address)).otp, address).expect(200);
    const { otp } = await requestOtp(address);
    const refused = await validate(otp, address);
    expect(refused.status).toBe(409);
    expect(refused.body.externalMessage).toContain('ask the administrator to delete it');
    expect((await typesOf()).filter((type) => type === 'TokenGenerated')).toHaveLength(1);
  });

  it('answers the same for an unknown user, a wrong key, a user outside the group and one without e-mail, sending and storing nothing', async () => {
    const address = freshAddress();
    const headBefore = await app.headPosition();
    const mailsBefore = inbox.messages.length;
    const bodies = [
      credentialsOf(setup, `${setup.environmentId}.nobody`),
      credentialsOf(setup, 'nobody@example.com'),
      { ...credentialsOf(setup), apiKey: 'f'.repeat(32) },
      { ...credentialsOf(setup), apiToken: 'f'.repeat(32) },
      credentialsOf(setup, setup.outsider),
      credentialsOf(setup, 'amy@example.com'),
      credentialsOf(setup, setup.noMail),
    ];
    const answers: Awaited<ReturnType<typeof otpCall>>[] = [];
    for (const body of bodies) answers.push(await otpCall(app, setup, 'OtpRequest', body, address));
    await app.otpIdle();
    const shapeOf = (answer: (typeof answers)[number]) => {
      const { date: _date, ...headers } = answer.headers;
      return { status: answer.status, text: answer.text, headers };
    };
    for (const answer of answers) expect(shapeOf(answer)).toEqual(shapeOf(answers[0]!));
    expect(answers[0]!.status).toBe(201);
    expect(await app.headPosition()).toBe(headBefore);
    expect(inbox.messages.length).toBe(mailsBefore);

    const validations = [];
    for (const body of bodies) validations.push(await otpCall(app, setup, 'OtpValidation', { ...body, otp: '12345678' }, address));
    for (const answer of validations) {
      expect(answer.status).toBe(401);
      expect(answer.body.externalMessage).toBe('The one-time password is not valid');
    }
    expect(await app.headPosition()).toBe(headBefore);
  });

  it('sends a deactivated user no password, and a password sent before no longer validates; after reactivation it works again', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    const user = `/api/v1/environments/${setup.environmentId}/users/${setup.userId}`;
    await app.admin().post(`${user}/deactivate`).expect(200);
    await expectNothingSentAndRefused(otp, address);

    await app.admin().post(`${user}/reactivate`).expect(200);
    await validate(otp, address).expect(200);
  });

  describe('POST /api/v1/environments/{env}/key/rotate', () => {
    const rotate = () => app.admin().post(`/api/v1/environments/${setup.environmentId}/key/rotate`);

    it('shows a new key once, stores only its hash, and voids the old key at once for both OTP routes', async () => {
      const address = freshAddress();
      const { otp } = await requestOtp(address);
      const answer = await rotate().expect(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.body).toMatchObject({ environmentId: setup.environmentId, version: 2, position: expect.any(Number) });
      const newKey = answer.body.environmentKey as string;
      expect(newKey).toMatch(/^[0-9a-f]{32}$/);
      expect(newKey).not.toBe(setup.environmentKey);
      const stream = await app.eventStore.readStream(`environment-${setup.environmentId}`);
      expect(stream.map((event) => event.type)).toEqual(['EnvironmentRegistered', 'EnvironmentKeyRotated']);
      expect(JSON.stringify(stream)).not.toContain(newKey);
      expect(app.logs()).not.toContain(newKey);

      await expectNothingSentAndRefused(otp, address);

      await otpCall(app, setup, 'OtpValidation', { ...credentialsOf(setup), apiToken: newKey, otp }, address).expect(200);
    });

    it('answers a retry with the same Idempotency-Key with the same key, appending nothing', async () => {
      const first = await rotate().set('Idempotency-Key', `rotate-${setup.environmentId}`).expect(200);
      const before = await app.headPosition();
      const retry = await rotate().set('Idempotency-Key', `rotate-${setup.environmentId}`).expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await app.headPosition()).toBe(before);
    });

    it('refuses an unknown environment (404) and a stale If-Match (412), nothing appended', async () => {
      const unknown = await expectRefusedWithoutChange(app, () => app.admin().post('/api/v1/environments/99999999/key/rotate'), 404);
      expect(unknown.body.code).toBe('environment_not_found');
      await expectRefusedWithoutChange(app, () => rotate().set('If-Match', '"5"'), 412);
      const { paths } = (await app.anonymous().get('/docs-json').expect(200)).body;
      expect(paths['/api/v1/environments/{environmentId}/key/rotate']).toHaveProperty('post');
    });
  });

  it('takes no token request for a deleted connector: 201 and nothing sent or stored; a password sent before no longer validates', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    await app.admin().delete(setup.base).expect(200);
    const headBefore = await app.headPosition();
    const mailsBefore = inbox.messages.length;
    expect((await otpCall(app, setup, 'OtpRequest', { ...credentialsOf(setup), description: 'Laptop' }, address)).status).toBe(201);
    await app.otpIdle();
    const validation = await validate(otp, address).expect(401);
    expect(validation.body.externalMessage).toBe('The one-time password is not valid');
    expect(await app.headPosition()).toBe(headBefore);
    expect(inbox.messages.length).toBe(mailsBefore);
  });

  it.each([
    ['not JSON', 'apiKey=1', 'The body must be a JSON object'],
    ['an array', '[]', 'The body must be a JSON object'],
    ['no userId', '{"apiKey":"0123456789abcdef0123456789abcdef","apiToken":"0123456789abcdef0123456789abcdef"}', 'userId must be'],
    ['a short apiKey', '{"apiKey":"abc","apiToken":"0123456789abcdef0123456789abcdef","userId":"x"}', 'apiKey must be'],
    ['a field twice', '{"userId":"a","userid":"b","apiKey":"0123456789abcdef0123456789abcdef","apiToken":"0123456789abcdef0123456789abcdef"}', 'given twice'],
    ['a description with a line break', '{"userId":"a","description":"a\\nb","apiKey":"0123456789abcdef0123456789abcdef","apiToken":"0123456789abcdef0123456789abcdef"}', 'control characters'],
  ])('refuses a request body with %s: 400 in Profit shape, nothing stored', async (_name, body, reason) => {
    const headBefore = await app.headPosition();
    const answer = await otpCall(app, setup, 'OtpRequest', body, freshAddress());
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ externalMessage: expect.stringContaining(reason), errorNumber: -1, profitLogReference: expect.any(String) });
    await app.otpIdle();
    expect(await app.headPosition()).toBe(headBefore);
  });

  it('refuses a validation without an 8-digit otp with 400, storing nothing', async () => {
    const headBefore = await app.headPosition();
    for (const otp of ['1234567', 12345678, '1234567a']) {
      const answer = await otpCall(app, setup, 'OtpValidation', { ...credentialsOf(setup), otp }, freshAddress());
      expect(answer.status).toBe(400);
      expect(answer.body.externalMessage).toContain('otp must be the 8 digits');
    }
    expect(await app.headPosition()).toBe(headBefore);
  });

  it('sends at most 5 passwords per user per 15 minutes, answering 201 all the same', async () => {
    const mailsBefore = inbox.messages.length;
    const answers = [];
    for (let i = 0; i < 7; i += 1) answers.push((await otpCall(app, setup, 'OtpRequest', credentialsOf(setup), freshAddress())).status);
    await app.otpIdle();
    await inbox.nth(mailsBefore + 5);
    expect(answers).toEqual([201, 201, 201, 201, 201, 201, 201]);
    expect((await typesOf()).filter((type) => type === 'OtpRequested')).toHaveLength(5);
    clock.advance(15 * 60_000 + 1);
    await requestOtp(freshAddress());
  });

  it('sends at most 20 requests per address per 15 minutes', async () => {
    const address = freshAddress();
    const others = await Promise.all([otpSetup(app), otpSetup(app), otpSetup(app), otpSetup(app), otpSetup(app)]);
    for (const other of others) for (let i = 0; i < 4; i += 1) await otpCall(app, other, 'OtpRequest', credentialsOf(other), address).expect(201);
    await app.otpIdle();
    const mailsBefore = inbox.messages.length;
    await otpCall(app, setup, 'OtpRequest', credentialsOf(setup), address).expect(201);
    await app.otpIdle();
    expect(inbox.messages.length).toBe(mailsBefore);
    const limited = app.logs().split('\n').filter((line) => line.includes('otp_request_rate_limited') && line.includes(`"sourceIp":"${address}"`));
    expect(limited).toHaveLength(1);
  });

  it('answers 429 in Profit shape after 10 validations per user in 15 minutes', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await validate('12345678', freshAddress())).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const limited = await validate('12345678', freshAddress());
    expect(limited.body).toEqual({ externalMessage: 'Too many attempts; try again later', errorNumber: -1, profitLogReference: expect.any(String) });
  });

  it('never writes a password or token into a log line, an event or a read model', async () => {
    const address = freshAddress();
    const { otp } = await requestOtp(address);
    const { token } = (await validate(otp, address).expect(200)).body as { token: string };
    const data = /<data>([0-9A-F]{64})<\/data>/.exec(token)![1]!;
    const events = JSON.stringify(await app.eventStore.readStream(`app-connector-${setup.environmentId}-${setup.id}`));
    const readModel = JSON.stringify((await app.admin().get(`${setup.base}/tokens?minPosition=${await app.headPosition()}`).expect(200)).body);
    await app.otpIdle();
    const files = readdirSync(app.dataDir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(app.dataDir, name)).isFile());
    expect(files).toEqual(expect.arrayContaining(['events.sqlite', 'read-models.sqlite', 'otp.secret']));
    // The scan reads real content: the connector's id is written somewhere.
    expect(files.some((name) => readFileSync(join(app.dataDir, name)).includes(Buffer.from(setup.id)))).toBe(true);
    for (const secret of [otp, data, data.toLowerCase(), Buffer.from(token).toString('base64')]) {
      expect(app.logs()).not.toContain(secret);
      expect(events).not.toContain(secret);
      expect(readModel).not.toContain(secret);
      for (const name of files) expect({ name, leaks: readFileSync(join(app.dataDir, name)).includes(Buffer.from(secret)) }).toEqual({ name, leaks: false });
    }
  });
});
