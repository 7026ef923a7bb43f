// A bare Fastify server (no Nest, no guard, no stores) in its own process: the control that shows
// what HTTP itself costs on this machine, e.g. a POST with a JSON body against a GET.
// Started by startBareServer(); prints its URL on stdout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pinnedCommand } from './cpu-pinning.mjs';
import { processCpuSeconds } from './service.mjs';

const ANSWER = { valid: true, code: 'allowed', appConnectorId: null, userId: null, tokenId: null };

if (process.argv[2] === '--serve') {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  app.get('/get', () => ANSWER);
  app.post('/post', (request) => ({ ...ANSWER, valid: typeof request.body === 'object' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${url}\n`);
}

export async function startBareServer({ pinned = false } = {}) {
  const serve = [fileURLToPath(import.meta.url), '--serve'];
  const [command, args] = pinned ? pinnedCommand(process.execPath, serve) : [process.execPath, serve];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return {
    url,
    cpuSeconds: () => processCpuSeconds(child.pid),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}
