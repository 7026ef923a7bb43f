import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a built CLI (dist/apps/cli/<name>.js) as `npm run` would after `npm run build`, without blocking this process. */
export function runCli(name: string, args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const script = resolve(`dist/apps/cli/${name}.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` before the e2e suites`);
  return new Promise((done) => {
    execFile(process.execPath, [script, ...args], { env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
