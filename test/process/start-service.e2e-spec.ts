import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('dist/apps/api/src/main.js');

/** Starts dist/…/main.js as `npm start` does after building; resolves when it prints its listening line. */
function startService(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`service did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server listening')) {
        clearTimeout(timer);
        done({ child, output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`service exited with ${code}:\n${output}`)));
  });
}

describe('the service process (dist/, as npm start runs it)', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the e2e suites');
  });

  it('prints --help with every configuration variable', () => {
    const result = spawnSync(process.execPath, [MAIN, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const name of ['PORT', 'HOST', 'DATA_DIR', 'ADMIN_API_KEY', 'TRUSTED_PROXIES']) expect(result.stdout).toContain(name);
  });

  it('refuses bad configuration with a clear message and exit code 1', () => {
    const result = spawnSync(process.execPath, [MAIN], { encoding: 'utf8', env: { ...process.env, PORT: 'eighty' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
  });

  it('on a fresh data folder prints a generated admin key once, which then works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'app-connectors-process-'));
    const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ADMIN_API_KEY: '' };
    try {
      const first = await startService(env);
      const key = /Generated admin API key "admin"[^\n]*\n\n\s+(\S+)/.exec(first.output())![1]!;
      const port = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(first.output())![1];
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/environments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ environmentId: '12345', name: 'Acme' }),
      });
      expect(answer.status).toBe(201);
      first.child.kill('SIGTERM');
      await new Promise((done) => first.child.once('exit', done));

      const second = await startService(env);
      expect(second.output()).not.toContain('Generated admin API key');
      second.child.kill('SIGTERM');
      await new Promise((done) => second.child.once('exit', done));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 20_000); // two service start-ups: more than jest's 5 s default on a busy 2-core machine
});
