// Command throughput over HTTP with durable appends (SQLite, synchronous=FULL), as a ratio to the
// trivial /health/live route of the same service in the same run.
// Usage: npm run build && node bench/commands.bench.mjs [--connections 16] [--duration 10]
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { admin, ADMIN_KEY, startService } from './support/service.mjs';
import { load, table } from './support/load.mjs';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '16' }, duration: { type: 'string', default: '10' } } });
const connections = Number(values.connections);
const duration = Number(values.duration);

const service = await startService();
try {
  const env = '12345';
  await admin(service.url, 'POST', '/api/v1/environments', { environmentId: env, name: 'Bench' });
  const group = await admin(service.url, 'POST', `/api/v1/environments/${env}/user-groups`, { name: 'Bench' });
  const connectors = [];
  for (let i = 0; i < connections * 4; i++) {
    const created = await admin(service.url, 'POST', `/api/v1/environments/${env}/app-connectors`, { description: `C${i}`, userGroupId: group.id });
    connectors.push(created.id);
  }
  const headBefore = (await (await fetch(`${service.url}/health`)).json()).details.eventStore.headPosition;

  const baseline = await load({ service, url: `${service.url}/health/live`, connections, duration });
  let counter = 0;
  const commands = await load({
    url: service.url,
    connections,
    duration,
    requests: [
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          const n = counter++;
          const id = connectors[n % connectors.length];
          return { ...request, path: `/api/v1/environments/${env}/app-connectors/${id}/description`, body: JSON.stringify({ description: `Description ${n}` }) };
        },
      },
    ],
  });
  const headAfter = (await (await fetch(`${service.url}/health`)).json()).details.eventStore.headPosition;

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; ${connections} connections, ${duration} s each`);
  console.log(table([{ name: 'GET /health/live (baseline)', ...baseline }, { name: 'PUT …/description (command)', ...commands }]));
  console.log(`events appended during the command run: ${headAfter - headBefore} (2xx answers: ${commands.total - commands.non2xx})`);
} finally {
  await service.stop();
}
