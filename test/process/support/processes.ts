import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { ADMIN_KEY, type AdminClient } from '../../support/test-app.js';

export const API_MAIN = resolve('dist/apps/api/src/main.js');
export const PROJECTOR_MAIN = resolve('dist/apps/projector/src/main.js');

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once it printed a line matching `pattern`; rejects after `timeoutMs` or when it exits first. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Sends `signal` and resolves when it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ApiProcess extends RunningProcess {
  readonly url: string;
  admin(): AdminClient;
  anonymous(): ReturnType<typeof request>;
}

export function requireBuild(): void {
  if (!existsSync(API_MAIN) || !existsSync(PROJECTOR_MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the e2e suites');
}

function run(entry: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    output: () => output,
    printed: (pattern, timeoutMs = 20_000) =>
      new Promise((done, fail) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          stop();
          done(match);
        };
        const timer = setTimeout(() => {
          stop();
          fail(new Error(`no ${pattern} within ${timeoutMs} ms in:\n${output}`));
        }, timeoutMs);
        const stop = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        void exited.then(() => {
          if (!pattern.exec(output)) {
            stop();
            fail(new Error(`exited before printing ${pattern}:\n${output}`));
          }
        });
        listeners.add(check);
        check();
      }),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The service from dist/ as `npm start` runs it, on its own free port. */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const started = run(API_MAIN, { PORT: '0', HOST: '127.0.0.1', ADMIN_API_KEY: ADMIN_KEY, ...env });
  const [, port] = await started.printed(/listening at http:\/\/127\.0\.0\.1:(\d+)/);
  const url = `http://127.0.0.1:${port}`;
  const withKey = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (path: string) => request(url)[method](path).set('Authorization', `Bearer ${ADMIN_KEY}`);
  return {
    ...started,
    url,
    admin: () => ({ get: withKey('get'), post: withKey('post'), put: withKey('put'), patch: withKey('patch'), delete: withKey('delete') }),
    anonymous: () => request(url),
  };
}

/** The projector from dist/ as `npm run start:projector` runs it. */
export async function startProjector(env: Record<string, string>): Promise<RunningProcess> {
  const started = run(PROJECTOR_MAIN, env);
  await started.printed(/projector started/);
  return started;
}

/** Asks `probe` until it answers something other than `unchanged`, for at most `timeoutMs`; returns the last answer. */
export async function pollUntilChanged<T>(probe: () => Promise<T>, unchanged: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== unchanged || Date.now() > deadline) return answer;
    await new Promise((done) => setTimeout(done, 10));
  }
}
