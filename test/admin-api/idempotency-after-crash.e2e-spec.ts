import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashTokenData } from '#domain';
import { ADMIN_KEY, startTestApp, type TestApp } from '../support/test-app.js';

const CHILD = resolve('test/admin-api/support/die-after-append.mjs');

/** The service from dist/, set to die with SIGKILL right after the given marked append of a request. */
function startDoomedService(dataDir: string, dieAfterAppend: number): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, ADMIN_API_KEY: ADMIN_KEY, PORT: '0', LOG_LEVEL: 'warn', DIE_AFTER_APPEND: String(dieAfterAppend) };
  const child = spawn(process.execPath, [CHILD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the service did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening (\S+)/.exec(output)?.[1];
      if (url) (clearTimeout(timer), done({ child, url: url.replace('[::1]', '127.0.0.1') }));
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`the service exited with ${code}:\n${output}`)));
  });
}

const post = (url: string, path: string, body: unknown, key?: string) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });

const QUICK_PATH = { description: 'Webshop link', createUserGroup: true, autoGenerateToken: true };
// The quick path's appends, in order: group (0), system user (1), membership (2), connector (3), token (4).
const QUICK_PATH_EVENTS = ['UserGroupCreated', 'UserRegistered', 'UserGroupMemberAdded', 'AppConnectorCreated', 'TokenGenerated'];

describe('an Idempotency-Key retry after the service was killed between an append and its answer', () => {
  let dataDir: string;
  let app: TestApp | undefined;
  beforeAll(() => {
    if (!existsSync('dist/apps/api/src/bootstrap/create-app.js')) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'idempotency-crash-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Registers an environment, then sends the quick path with the key to a service that dies after append `dieAfter`. */
  async function crashDuringQuickPath(dieAfter: number, key: string): Promise<string> {
    const doomed = await startDoomedService(dataDir, dieAfter);
    const exited = new Promise((done) => doomed.child.once('exit', done));
    expect((await post(doomed.url, '/api/v1/environments', { environmentId: '12345', name: 'Acme' })).status).toBe(201);
    await expect(post(doomed.url, '/api/v1/environments/12345/app-connectors', QUICK_PATH, key)).rejects.toThrow();
    await exited;
    expect(doomed.child.signalCode).toBe('SIGKILL');
    return '/api/v1/environments/12345/app-connectors';
  }

  const typesOf = async (running: TestApp) => (await running.eventStore.readAll()).map((event) => event.type);

  it('finishes a request the crash cut short, appending each of its events once', async () => {
    const path = await crashDuringQuickPath(1, 'retry-after-crash');
    app = await startTestApp({ DATA_DIR: dataDir });
    expect(await typesOf(app)).toEqual(['EnvironmentRegistered', ...QUICK_PATH_EVENTS.slice(0, 2)]);

    const retry = await app.admin().post(path).set('Idempotency-Key', 'retry-after-crash').send(QUICK_PATH).expect(201);
    const events = await app.eventStore.readAll();
    expect(events.map((event) => event.type)).toEqual(['EnvironmentRegistered', ...QUICK_PATH_EVENTS]);
    const registered = events.find((event) => event.type === 'UserRegistered')!;
    expect(registered.data).toMatchObject({ userId: retry.body.systemUserId });
    expect(events.find((event) => event.type === 'AppConnectorCreated')!.data).toMatchObject({ appConnectorId: retry.body.id, userGroupId: retry.body.userGroupId });
    await expectTokenWorks(app, retry.body.token.token, retry.body.id);

    const again = await app.admin().post(path).set('Idempotency-Key', 'retry-after-crash').send(QUICK_PATH).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(retry.body);
    expect(await typesOf(app)).toHaveLength(6);
  }, 60_000);

  it('answers a request whose every append committed with what it would have answered, the token included', async () => {
    const path = await crashDuringQuickPath(4, 'answer-lost');
    app = await startTestApp({ DATA_DIR: dataDir });
    const head = await app.headPosition();
    expect(await typesOf(app)).toEqual(['EnvironmentRegistered', ...QUICK_PATH_EVENTS]);

    const retry = await app.admin().post(path).set('Idempotency-Key', 'answer-lost').send(QUICK_PATH).expect(201);
    expect(await app.headPosition()).toBe(head);
    expect(retry.body).toMatchObject({ description: 'Webshop link', version: 2, position: head });
    await expectTokenWorks(app, retry.body.token.token, retry.body.id);
  }, 60_000);

  it('refuses another request under the key of the request the crash cut short, appending nothing', async () => {
    const path = await crashDuringQuickPath(2, 'reused-key');
    app = await startTestApp({ DATA_DIR: dataDir });
    const head = await app.headPosition();
    const other = await app.admin().post(path).set('Idempotency-Key', 'reused-key').send({ ...QUICK_PATH, description: 'Another link' }).expect(422);
    expect(other.body.detail).toBe('this Idempotency-Key was already used for a different request');
    expect(await app.headPosition()).toBe(head);
  }, 60_000);
});

/** The token the answer shows is the one the connector's stream holds (by its hash). */
async function expectTokenWorks(app: TestApp, token: string, appConnectorId: string): Promise<void> {
  const data = /<data>([0-9A-F]{64})<\/data>/.exec(token)![1]!;
  const generated = (await app.eventStore.readStream(`app-connector-12345-${appConnectorId}`)).filter((event) => event.type === 'TokenGenerated');
  expect(generated.map((event) => event.data.tokenHash)).toEqual([hashTokenData(data)]);
}
