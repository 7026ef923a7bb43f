// The auth guard: guarded MetaInfo, POST /api/v1/verify and GET /api/v1/forward-auth, each as a ratio to an unguarded
// route of the same service in the same run, and the delay from each change the guard must notice
// (revoke, block, remove member, add IP restriction; admin API) to its first refusal.
// - MetaInfo (a GET) against the trivial GET /health/live.
// - forward-auth (a GET a reverse proxy makes for a GetConnector call, Traefik's headers) against
//   /health/live: the bench client is the trusted proxy (TRUSTED_PROXIES=127.0.0.1).
// - verify (a POST with a JSON body) against /health/live too, and against an unguarded POST of the
//   same body and headers in the same service (the bench's control route, service-with-controls.mjs):
//   a body costs HTTP a share of a trivial GET on its own, which no guard can take back.
// Each route runs between two runs of the baseline, in rounds; its ratio is the median over the rounds
// of its throughput over those two baseline runs' mean (bench/support/load.mjs, `interleaved`).
// Usage: npm run build && node bench/guard.bench.mjs [--connections 50] [--duration 5] [--rounds 5] [--changes 100]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { startBareServer } from './support/bare-server.mjs';
import { pinLoadGenerator, pinningNote } from './support/cpu-pinning.mjs';
import { readyConnector } from './support/ready-connector.mjs';
import { admin, ADMIN_KEY, startService } from './support/service.mjs';
import { interleaved, table } from './support/load.mjs';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '5' },
    changes: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '5' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const changes = Number(values.changes);
const rounds = Number(values.rounds);

const env = '12345';
const host = `${env}.rest.bench.example`;
const authorization = (tokenXml) => `AfasToken ${Buffer.from(tokenXml).toString('base64')}`;
const headersOf = (tokenXml) => ({ authorization: authorization(tokenXml) });

pinLoadGenerator();
const FORWARD_AUTH_KEY = 'bench-forward-auth-key-0123';
const service = await startService({ TRUSTED_PROXIES: '127.0.0.1', FORWARD_AUTH_KEY }, { pinned: true, controls: true });
const bare = await startBareServer({ pinned: true });
try {
  const connector = await readyConnector(service.url, env);
  // With an expiry, so that the measured calls pay for the expiry check and MetaInfo's tokenExpiry, and a
  // rate limit above what the bench reaches, so that they pay for the bucket without being refused.
  const expiresAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const { token } = await admin(service.url, 'POST', `${connector.base}/tokens`, { userId: `${env}.bench`, description: 'load', expiresAt });
  const { position } = await admin(service.url, 'PUT', `${connector.base}/rate-limit`, { requestsPerSecond: 100_000, burst: 100_000 });
  await admin(service.url, 'GET', `${connector.base}?minPosition=${position}`);

  const metaInfo = { method: 'GET', path: '/ProfitRestServices/MetaInfo', headers: { host, authorization: authorization(token) } };
  const verifyBody = JSON.stringify({ environmentId: env, token, clientIp: '203.0.113.7', connector: { kind: 'get', name: 'Profit_Article' } });
  const verify = { method: 'POST', path: '/api/v1/verify', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: verifyBody };
  const postControl = { ...verify, path: '/bench/control' };
  const forwardAuth = {
    method: 'GET',
    path: '/api/v1/forward-auth',
    headers: {
      'x-forward-auth-key': FORWARD_AUTH_KEY,
      'x-forwarded-method': 'GET',
      'x-forwarded-uri': '/ProfitRestServices/connectors/Profit_Article?skip=0&take=100',
      'x-forwarded-host': host,
      'x-forwarded-for': '203.0.113.7',
      authorization: authorization(token),
    },
  };

  const { rows, spread } = await interleaved(
    [
      { name: 'GET /health/live (baseline)', url: `${service.url}/health/live` },
      { name: 'GET /ProfitRestServices/MetaInfo (guarded)', url: service.url, requests: [metaInfo] },
      { name: 'POST /api/v1/verify', url: service.url, requests: [verify] },
      { name: 'GET /api/v1/forward-auth (Traefik headers)', url: service.url, requests: [forwardAuth] },
      { name: 'control: unguarded POST /bench/control, same body', url: service.url, requests: [postControl] },
      // Controls: what a GET and a POST of the same body cost without Nest, guard or stores.
      { name: 'control: bare Fastify GET', service: bare, url: bare.url, requests: [{ ...verify, method: 'GET', path: '/get', body: undefined }] },
      { name: 'control: bare Fastify POST, same body', service: bare, url: bare.url, requests: [{ ...verify, path: '/post' }] },
    ],
    { service, connections, duration, rounds },
  );
  const againstPost = await interleaved(
    [
      { name: 'control: unguarded POST /bench/control, same body (baseline)', url: service.url, requests: [postControl] },
      { name: 'POST /api/v1/verify', url: service.url, requests: [verify] },
    ],
    { service, connections, duration, rounds },
  );
  const delays = await changeDelays(connector, token, changes);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; ${connections} connections, ${rounds} rounds of ${duration} s per route, each between two baseline runs (figures: medians; ratios: median of per-round ratios to the adjacent baseline runs); ${pinningNote()}`);
  console.log(table(rows));
  console.log(`\nthroughput ratio per round:\n${spread.slice(1).map(({ name, ratios }) => `- ${name}: ${ratios.map((r) => r.toFixed(3)).join(' / ')}`).join('\n')}`);
  console.log('\nverify against an unguarded POST of the same body in the same service:');
  console.log(table(againstPost.rows));
  console.log(`per round: ${againstPost.spread[1].ratios.map((r) => r.toFixed(3)).join(' / ')}`);
  console.log(`\nchange → first refusal, ${changes} of each (from the admin API's answer; from its request):`);
  console.log('| change | p50 ms | p99 ms | max ms | p50 from request ms | p99 from request ms |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, list] of Object.entries(delays)) {
    const answer = list.map((d) => d.afterAnswer);
    const request = list.map((d) => d.afterRequest);
    console.log(`| ${name} | ${pct(answer, 50)} | ${pct(answer, 99)} | ${pct(answer, 100)} | ${pct(request, 50)} | ${pct(request, 99)} |`);
  }
} finally {
  await bare.stop();
  await service.stop();
}

/**
 * Per change the issue names (RevokeToken, BlockAppConnector, RemoveMember, AddIpRestriction): wait
 * until the guard lets the call through, make the change through the admin API, poll MetaInfo until
 * refused, then undo it (RevokeToken: a fresh token per round).
 */
async function changeDelays({ base, group }, token, count) {
  const member = `${group}/members/${env}.bench`;
  const changes = {
    RevokeToken: async () => {
      const issued = await admin(service.url, 'POST', `${base}/tokens`, { userId: `${env}.bench`, description: `device ${Math.random()}` });
      return { headers: headersOf(issued.token), change: () => remove(`${base}/tokens/${issued.id}`), undo: async () => {} };
    },
    BlockAppConnector: async () => ({
      headers: headersOf(token),
      change: () => admin(service.url, 'POST', `${base}/block`, {}),
      undo: () => admin(service.url, 'POST', `${base}/unblock`, {}),
    }),
    RemoveMember: async () => ({
      headers: headersOf(token),
      change: () => remove(member),
      undo: () => admin(service.url, 'POST', `${group}/members`, { userId: `${env}.bench` }),
    }),
    AddIpRestriction: async () => {
      let added;
      return {
        headers: headersOf(token),
        change: async () => (added = await admin(service.url, 'POST', `${base}/ip-restrictions`, { access: 'deny', address: '127.0.0.1' })),
        undo: () => remove(`${base}/ip-restrictions/${added.id}`),
      };
    },
  };
  const delays = {};
  for (const [name, prepare] of Object.entries(changes)) {
    delays[name] = [];
    for (let i = 0; i < count; i++) {
      const { headers, change, undo } = await prepare();
      while ((await call(headers)) !== 200);
      const requested = performance.now();
      await change();
      const answered = performance.now();
      while ((await call(headers)) === 200);
      const refused = performance.now();
      delays[name].push({ afterAnswer: refused - answered, afterRequest: refused - requested });
      await undo();
    }
  }
  return delays;
}


/** DELETE without a body (the shared `admin` helper always declares a JSON one). */
async function remove(path) {
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
