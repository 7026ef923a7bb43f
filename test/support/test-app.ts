import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { EventStore } from '#event-store';
import type { ProjectionRunner } from '#read-model';
import { createApp, type CreateAppOptions } from '../../apps/api/src/bootstrap/create-app.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { createLogger } from '../../apps/api/src/http/create-logger.js';

export const ADMIN_KEY = 'e2e-admin-key-0123456789';

export interface TestApp {
  readonly url: string;
  /** The Nest application, to reach a provider (`app.get(TOKEN)`). */
  readonly app: NestFastifyApplication;
  readonly eventStore: EventStore;
  /** The app's projection runner, so a test can hold the read side back. */
  readonly projections: ProjectionRunner;
  readonly dataDir: string;
  /** Everything the service logged so far (JSON lines). */
  logs(): string;
  /** supertest agent with the admin key set. */
  admin(): AdminClient;
  anonymous(): ReturnType<typeof request>;
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AdminClient = Record<Method, (path: string) => request.Test>;

/** The app as `npm start` builds it (same createApp and config loading), on a temp data folder. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: Pick<CreateAppOptions, 'runtime' | 'mailRetryDelaysMs'> = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'info', PORT: '0', ...env });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const { app, eventStore, projections } = await createApp(config, { ...options, logger: createLogger('info', sink) });
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A start that fails (a plugin that cannot register) must not leave the stores and the
    // projection runner holding the test process open.
    await app.close();
    throw error;
  }
  const url = await app.getUrl();
  const withKey = (method: Method) => (path: string) => request(url)[method](path).set('Authorization', `Bearer ${ADMIN_KEY}`);
  return {
    url: url.replace('[::1]', '127.0.0.1'),
    app,
    eventStore,
    projections,
    dataDir,
    logs: () => logLines.join(''),
    admin: () => ({ get: withKey('get'), post: withKey('post'), put: withKey('put'), patch: withKey('patch'), delete: withKey('delete') }),
    anonymous: () => request(url),
    headPosition: () => eventStore.headPosition(),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
