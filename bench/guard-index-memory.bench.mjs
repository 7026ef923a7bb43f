// The guard index's memory (what every API instance holds): AccessState over the projection bench's
// event streams, heap after a full GC, once with every event and once without the token events, so
// that the cost per token and per connector (its users and group included) can be told apart.
// Events pass through JSON as they do when read from a store, so no string is shared by accident.
// Usage: npm run build && node --expose-gc bench/guard-index-memory.bench.mjs [--events 1000000]
import { parseArgs } from 'node:util';
import { environmentStreams } from './support/connector-events.mjs';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' } } });
const total = Number(values.events);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const { AccessState } = await import('../dist/libs/guard/src/index.js').catch(() => {
  throw new Error('dist/ is missing: run npm run build first');
});

const TOKEN_EVENTS = new Set(['TokenGenerated', 'TokenRevoked', 'TokenRotated']);
const heapMb = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1e6;
};

function measure(withTokens) {
  const before = heapMb();
  const state = new AccessState();
  let position = 0;
  let connectors = 0;
  let tokens = 0;
  for (const { events } of environmentStreams(total)) {
    for (const event of events) {
      position++;
      if (event.type === 'AppConnectorCreated') connectors++;
      if (event.type === 'TokenGenerated') tokens++;
      if (!withTokens && TOKEN_EVENTS.has(event.type)) continue;
      state.apply({ type: event.type, data: JSON.parse(JSON.stringify(event.data)), position });
    }
  }
  const heap = heapMb() - before;
  // Keeps the state reachable until after the measurement.
  if (state.position !== position && withTokens) throw new Error('the index did not apply every event');
  return { heap, connectors, tokens, events: position };
}

const all = measure(true);
const withoutTokens = measure(false);
const perToken = ((all.heap - withoutTokens.heap) * 1e6) / all.tokens;
const perConnector = (withoutTokens.heap * 1e6) / all.connectors;
console.log(`${all.events} events, ${all.connectors} connectors, ${all.tokens} tokens (node ${process.version})`);
console.log('| index | heap MB |\n| --- | ---: |');
console.log(`| every event | ${all.heap.toFixed(1)} |\n| without token events | ${withoutTokens.heap.toFixed(1)} |`);
console.log(`per token: ${Math.round(perToken)} B; per connector (with its share of users and groups, without tokens): ${Math.round(perConnector)} B`);
