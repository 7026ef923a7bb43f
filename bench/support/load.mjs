// One autocannon run, reduced to the figures the benchmark tables show.
import autocannon from 'autocannon';
import { stealMeter } from './cpu-steal.mjs';

/**
 * `service` (optional, from startService) adds the CPU time the service and this process (the load
 * generator) spent per request: on a shared machine the throughput also depends on the generator.
 */
export async function load({ service, ...options }) {
  const serviceCpuBefore = service?.cpuSeconds();
  const ownCpuBefore = process.cpuUsage();
  const steal = stealMeter();
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  const stolenPercent = steal();
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serviceCpuAfter = service?.cpuSeconds();
  const perRequestUs = (seconds) => (seconds * 1e6) / Math.max(result.requests.total, 1);
  return {
    serviceCpuUs: serviceCpuBefore == null || serviceCpuAfter == null ? null : perRequestUs(serviceCpuAfter - serviceCpuBefore),
    loadCpuUs: perRequestUs((ownCpu.user + ownCpu.system) / 1e6),
    stolenPercent,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function table(rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const out = [line(['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ratio req/s', 'ratio p99', 'service CPU µs/req', 'ratio CPU', 'load gen CPU µs/req', 'CPU steal %'])];
  out.push(line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  const base = rows[0];
  for (const row of rows) {
    out.push(
      line([
        row.name,
        row.requestsPerSecond.toFixed(0),
        row.p50.toFixed(1),
        row.p99.toFixed(1),
        String(row.non2xx),
        (row.requestsPerSecond / base.requestsPerSecond).toFixed(3),
        (row.p99 / Math.max(base.p99, 0.001)).toFixed(2),
        row.serviceCpuUs == null ? 'n/a' : row.serviceCpuUs.toFixed(1),
        row.serviceCpuUs == null || base.serviceCpuUs == null ? 'n/a' : (base.serviceCpuUs / row.serviceCpuUs).toFixed(3),
        row.loadCpuUs.toFixed(1),
        row.stolenPercent == null ? 'n/a' : row.stolenPercent.toFixed(1),
      ]),
    );
  }
  return out.join('\n');
}

/**
 * Runs every case once per round, interleaved (baseline, a, b, baseline, a, b, …), so that a slow
 * spell of a shared machine hits all cases alike; each case's figures are the median of its rounds.
 * Also returns each round's throughput ratio to the first case, to show the spread. Every case is
 * first run for `warmupSeconds` without counting.
 */
export async function interleaved(cases, { rounds, warmupSeconds = 2, ...options }) {
  // Warm-up (not counted): the JIT and the caches see every route before the first counted round.
  for (const { name: _name, ...request } of cases) await load({ ...options, ...request, duration: warmupSeconds });
  const runs = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, { name: _name, ...request }] of cases.entries()) runs[i].push(await load({ ...options, ...request }));
  }
  const rows = cases.map(({ name }, i) => ({ name, ...medianOf(runs[i]) }));
  const spread = cases.map(({ name }, i) => ({
    name,
    ratios: runs[i].map((run, round) => run.requestsPerSecond / runs[0][round].requestsPerSecond),
  }));
  return { rows, spread };
}

function medianOf(runs) {
  const median = (values) => {
    const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
    return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
  };
  const keys = Object.keys(runs[0]);
  return Object.fromEntries(keys.map((key) => [key, key === 'non2xx' || key === 'errors' || key === 'total' ? runs.reduce((sum, run) => sum + run[key], 0) : median(runs.map((run) => run[key]))]));
}
