import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGroup, registerUser, uniqueEnvironmentId } from '../support/fixtures.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../support/test-app.js';

/** Every file under the data folder (SQLite files with their -wal and -shm), read byte-wise. */
function dataFiles(dataDir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .map((name) => ({ name, path: join(dataDir, name) }))
    .filter(({ path }) => statSync(path).isFile())
    .map(({ name, path }) => ({ name, bytes: readFileSync(path) }));
}

/** The needles found in some file, as `file: needle` lines; none is what a test wants. */
function leaks(dataDir: string, needles: readonly string[]): string[] {
  return dataFiles(dataDir).flatMap(({ name, bytes }) =>
    [...new Set(needles)].filter((needle) => bytes.includes(Buffer.from(needle, 'utf8'))).map((needle) => `${name}: ${needle}`),
  );
}

/** A secret in every form it could be written in: as is, in either hex case, and base64. */
const formsOf = (secret: string) => [secret, secret.toLowerCase(), secret.toUpperCase(), Buffer.from(secret).toString('base64')];

describe('secrets at rest: shown once, never in the data folder', () => {
  let app: TestApp;
  let secrets: string[];
  let environmentId: string;
  let closed = false;
  beforeAll(async () => {
    app = await startTestApp();
    secrets = await runEverySecretBearingCommandTwice(app);
  });
  afterAll(async () => {
    if (!closed) await app.app.close();
    rmSync(app.dataDir, { recursive: true, force: true });
  });

  it('scans real content: the environment id is in the event store', () => {
    const names = dataFiles(app.dataDir).map((file) => file.name);
    expect(names).toEqual(expect.arrayContaining(['api.sqlite', 'events.sqlite']));
    expect(leaks(app.dataDir, [environmentId])).not.toEqual([]);
  });

  it('keeps no secret and no Idempotency-Key in the files of the running service', () => {
    expect(leaks(app.dataDir, secrets)).toEqual([]);
  });

  it('keeps none after the service closed its files', async () => {
    await app.app.close();
    closed = true;
    expect(leaks(app.dataDir, secrets)).toEqual([]);
  });

  /** Each command with an Idempotency-Key, retried: the replay must show the same secret again. */
  async function runEverySecretBearingCommandTwice(testApp: TestApp): Promise<string[]> {
    const admin = testApp.admin();
    const idempotencyKeys: string[] = [];
    const twice = async (path: string, body: object) => {
      const key = `secret-at-rest-${randomUUID()}`;
      idempotencyKeys.push(key);
      const first = await admin.post(path).set('Idempotency-Key', key).send(body).expect(201);
      const retry = await admin.post(path).set('Idempotency-Key', key).send(body).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      return first.body;
    };

    environmentId = uniqueEnvironmentId();
    const environment = await twice('/api/v1/environments', { environmentId, name: 'Secrets' });
    const environmentKey = environment.environmentKey as string;
    expect(environmentKey).toMatch(/^[0-9a-f]{32}$/);

    const connectors = `/api/v1/environments/${environmentId}/app-connectors`;
    const quick = await twice(connectors, { description: 'Quick', createUserGroup: true, autoGenerateToken: true });
    const userId = await registerUser(admin, environmentId);
    const groupId = await createGroup(admin, environmentId, [userId]);
    const connector = await twice(connectors, { description: 'Webshop', userGroupId: groupId });
    const token = await twice(`${connectors}/${connector.id}/tokens`, { userId, description: 'laptop' });

    const tokenXmls = [quick.token.token as string, token.token as string];
    const tokenData = tokenXmls.map((xml) => /<data>([0-9A-F]{64})<\/data>/.exec(xml)![1]!);
    return [ADMIN_KEY, environmentKey, ...tokenXmls, ...tokenData, ...idempotencyKeys].flatMap(formsOf);
  }
});
