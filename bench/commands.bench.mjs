// Command throughput over HTTP with durable appends (SQLite, synchronous=FULL), against an unguarded
// POST of a body of the same size in the same service (the bench's control route,
// service-with-controls.mjs: HTTP, hooks and body parser without a command behind them), and the
// trivial GET /health/live, in the same run. Goals: commands ≥ 0.5 × the POST control's req/s, and
// the commands' p99 < 20 ms.
// Usage: npm run build && node bench/commands.bench.mjs [--connections 50] [--duration 10]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { admin, ADMIN_KEY, startService } from './support/service.mjs';
import { load, table } from './support/load.mjs';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '10' } } });
const connections = Number(values.connections);
const duration = Number(values.duration);
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;

const service = await startService({}, { controls: true });
try {
  const env = '12345';
  await admin(service.url, 'POST', '/api/v1/environments', { environmentId: env, name: 'Bench' });
  const group = await admin(service.url, 'POST', `/api/v1/environments/${env}/user-groups`, { name: 'Bench' });
  const connectors = [];
  for (let i = 0; i < connections * 4; i++) {
    const created = await admin(service.url, 'POST', `/api/v1/environments/${env}/app-connectors`, { description: `C${i}`, userGroupId: group.id });
    connectors.push(created.id);
  }
  const headers = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
  const body = (n) => JSON.stringify({ description: `Description ${n}` });

  const baseline = await load({ service, url: `${service.url}/health/live`, connections, duration });
  let controlCounter = 0;
  const control = await load({
    service,
    url: service.url,
    connections,
    duration,
    requests: [{ method: 'POST', path: '/bench/control', headers, setupRequest: (request) => ({ ...request, body: body(controlCounter++) }) }],
  });
  const head = async () => (await (await fetch(`${service.url}/health`)).json()).details.eventStore.headPosition;
  const headBefore = await head();
  let counter = 0;
  const commands = await load({
    service,
    url: service.url,
    connections,
    duration,
    requests: [
      {
        method: 'PUT',
        headers,
        setupRequest: (request) => {
          const n = counter++;
          const id = connectors[n % connectors.length];
          return { ...request, path: `/api/v1/environments/${env}/app-connectors/${id}/description`, body: body(n) };
        },
      },
    ],
  });
  // autocannon stops without waiting for the answers in flight: let those commands land first.
  await sleep(250);
  const appended = (await head()) - headBefore;

  const ratio = commands.requestsPerSecond / control.requestsPerSecond;
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; not pinned; ${connections} connections, ${duration} s each, commands over ${connectors.length} connectors`);
  console.log('ratios against the first row, the unguarded POST control:');
  console.log(
    table([
      { name: 'control: unguarded POST /bench/control, same body size', ...control },
      { name: 'GET /health/live', ...baseline },
      { name: 'PUT …/description (command)', ...commands },
    ]),
  );
  console.log(`\n${verdict(ratio >= GOAL_RATIO)}: commands / POST control ${ratio.toFixed(3)} (${commands.requestsPerSecond.toFixed(0)} / ${control.requestsPerSecond.toFixed(0)} req/s; goal ≥ ${GOAL_RATIO})`);
  console.log(`${verdict(commands.p99 < GOAL_P99_MS)}: commands' p99 ${commands.p99.toFixed(1)} ms (goal < ${GOAL_P99_MS} ms)`);
  const answers = commands.total - commands.non2xx;
  console.log(`events appended during the command run: ${appended} for ${answers} 2xx answers (${commands.non2xx} non-2xx, ${commands.errors} errors; up to ${connections} more events than answers: commands in flight when the load stopped)`);
} finally {
  await service.stop();
}
