// The auth guard (issue 4): guarded MetaInfo and POST /api/v1/verify, each as a ratio to the trivial
// /health/live route of the same service in the same run, and the delay from a token's revocation
// (admin API) to the guard's first refusal.
// Usage: npm run build && node bench/guard.bench.mjs [--connections 50] [--duration 10] [--rounds 3] [--revocations 200]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { startBareServer } from './support/bare-server.mjs';
import { admin, ADMIN_KEY, startService } from './support/service.mjs';
import { interleaved, table } from './support/load.mjs';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    revocations: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const revocations = Number(values.revocations);
const rounds = Number(values.rounds);

const env = '12345';
const host = `${env}.rest.bench.example`;
const authorization = (tokenXml) => `AfasToken ${Buffer.from(tokenXml).toString('base64')}`;

const service = await startService();
const bare = await startBareServer();
try {
  const base = await readyConnector();
  const { token } = await admin(service.url, 'POST', `${base}/tokens`, { userId: `${env}.bench`, description: 'load' });

  const metaInfo = { method: 'GET', path: '/ProfitRestServices/MetaInfo', headers: { host, authorization: authorization(token) } };
  const verifyBody = JSON.stringify({ environmentId: env, token, clientIp: '203.0.113.7', connector: { kind: 'get', name: 'Profit_Article' } });
  const verify = { method: 'POST', path: '/api/v1/verify', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: verifyBody };

  const { rows, spread } = await interleaved(
    [
      { name: 'GET /health/live (baseline)', url: `${service.url}/health/live` },
      { name: 'GET /ProfitRestServices/MetaInfo (guarded)', url: service.url, requests: [metaInfo] },
      { name: 'POST /api/v1/verify', url: service.url, requests: [verify] },
      // Controls: what a GET and a POST of the same body cost without Nest, guard or stores.
      { name: 'control: bare Fastify GET', service: bare, url: bare.url, requests: [{ ...verify, method: 'GET', path: '/get', body: undefined }] },
      { name: 'control: bare Fastify POST, same body', service: bare, url: bare.url, requests: [{ ...verify, path: '/post' }] },
    ],
    { service, connections, duration, rounds },
  );
  const delays = await revocationDelays(base, revocations);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; ${connections} connections, ${rounds} interleaved rounds of ${duration} s per route (medians)`);
  console.log(table(rows));
  console.log(`\nthroughput ratio per round:\n${spread.slice(1).map(({ name, ratios }) => `- ${name}: ${ratios.map((r) => r.toFixed(3)).join(' / ')}`).join('\n')}`);
  console.log(
    `\nrevocation → first refusal (${delays.length} tokens; from the revoke answer / from the revoke request):\n` +
      `| p50 ms | p99 ms | max ms | p50 from request ms | p99 from request ms |\n|---:|---:|---:|---:|---:|\n` +
      `| ${pct(delays.map((d) => d.afterAnswer), 50)} | ${pct(delays.map((d) => d.afterAnswer), 99)} | ${pct(delays.map((d) => d.afterAnswer), 100)} ` +
      `| ${pct(delays.map((d) => d.afterRequest), 50)} | ${pct(delays.map((d) => d.afterRequest), 99)} |`,
  );
} finally {
  await bare.stop();
  await service.stop();
}

async function readyConnector() {
  await admin(service.url, 'POST', '/api/v1/environments', { environmentId: env, name: 'Bench' });
  await admin(service.url, 'POST', `/api/v1/environments/${env}/users`, { userId: `${env}.bench`, email: 'bench@example.com', name: 'Bench', kind: 'person' });
  const group = await admin(service.url, 'POST', `/api/v1/environments/${env}/user-groups`, { name: 'Bench' });
  await admin(service.url, 'POST', `/api/v1/environments/${env}/user-groups/${group.id}/members`, { userId: `${env}.bench` });
  const connector = await admin(service.url, 'POST', `/api/v1/environments/${env}/app-connectors`, { description: 'Bench', userGroupId: group.id });
  const base = `/api/v1/environments/${env}/app-connectors/${connector.id}`;
  await admin(service.url, 'POST', `${base}/get-connectors`, { names: ['Profit_Article'] });
  await admin(service.url, 'POST', `${base}/unblock`, {});
  return base;
}

/** Per token: generate, wait until the guard lets it through, revoke, poll MetaInfo until refused. */
async function revocationDelays(base, count) {
  const delays = [];
  for (let i = 0; i < count; i++) {
    const issued = await admin(service.url, 'POST', `${base}/tokens`, { userId: `${env}.bench`, description: `device ${i}` });
    const headers = { authorization: authorization(issued.token) };
    while ((await call(headers)) !== 200);
    const requested = performance.now();
    await revoke(`${base}/tokens/${issued.id}`);
    const answered = performance.now();
    while ((await call(headers)) === 200);
    const refused = performance.now();
    delays.push({ afterAnswer: refused - answered, afterRequest: refused - requested });
  }
  return delays;
}

/** DELETE without a body (the shared `admin` helper always declares a JSON one). */
async function revoke(path) {
  const response = await fetch(service.url + path, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  if (!response.ok) throw new Error(`DELETE ${path} → ${response.status} ${await response.text()}`);
}

/** The `/{env}/ProfitRestServices` form: fetch does not let a caller choose the Host header. */
async function call(headers) {
  const response = await fetch(`${service.url}/${env}/ProfitRestServices/MetaInfo`, { headers });
  await response.arrayBuffer();
  return response.status;
}

function pct(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
}
