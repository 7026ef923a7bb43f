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
        (row.ratio ?? row.requestsPerSecond / base.requestsPerSecond).toFixed(3),
        (row.p99 / Math.max(base.p99, 0.001)).toFixed(2),
        row.serviceCpuUs == null ? 'n/a' : row.serviceCpuUs.toFixed(1),
        row.cpuRatio != null ? row.cpuRatio.toFixed(3) : row.serviceCpuUs == null || base.serviceCpuUs == null ? 'n/a' : (base.serviceCpuUs / row.serviceCpuUs).toFixed(3),
        row.loadCpuUs.toFixed(1),
        row.stolenPercent == null ? 'n/a' : row.stolenPercent.toFixed(1),
      ]),
    );
  }
  return out.join('\n');
}

/**
 * Runs the cases in rounds, each case between two runs of the baseline (the first case): base, a,
 * base, b, base, … A case's ratio in a round is taken against the mean of the baseline runs on either
 * side of it, seconds apart, so that a slow spell of a shared machine hits both sides of the ratio.
 * Rows hold each case's median figures and the median of its per-round ratios (`ratio`, `cpuRatio`);
 * `spread` lists the per-round throughput ratios. Every case is first run for `warmupSeconds`
 * without counting.
 */
export async function interleaved(cases, { rounds, warmupSeconds = 2, ...options }) {
  // Warm-up (not counted): the JIT and the caches see every route before the first counted round.
  for (const { name: _name, ...request } of cases) await load({ ...options, ...request, duration: warmupSeconds });
  const [{ name: baselineName, ...baseline }, ...others] = cases;
  const baselineRuns = [];
  const runs = others.map(() => []);
  const ratios = others.map(() => []);
  const cpuRatios = others.map(() => []);
  for (let round = 0; round < rounds; round++) {
    let before = await load({ ...options, ...baseline });
    baselineRuns.push(before);
    for (const [i, { name: _name, ...request }] of others.entries()) {
      const run = await load({ ...options, ...request });
      const after = await load({ ...options, ...baseline });
      baselineRuns.push(after);
      runs[i].push(run);
      ratios[i].push(run.requestsPerSecond / ((before.requestsPerSecond + after.requestsPerSecond) / 2));
      if (run.serviceCpuUs != null && before.serviceCpuUs != null && after.serviceCpuUs != null) {
        cpuRatios[i].push((before.serviceCpuUs + after.serviceCpuUs) / 2 / run.serviceCpuUs);
      }
      before = after;
    }
  }
  const rows = [
    { name: baselineName, ...medianOf(baselineRuns), ratio: 1, cpuRatio: 1 },
    ...others.map(({ name }, i) => ({ name, ...medianOf(runs[i]), ratio: median(ratios[i]), cpuRatio: median(cpuRatios[i]) })),
  ];
  const spread = [{ name: baselineName, ratios: Array.from({ length: rounds }, () => 1) }, ...others.map(({ name }, i) => ({ name, ratios: ratios[i] }))];
  return { rows, spread };
}

function median(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
}

function medianOf(runs) {
  const keys = Object.keys(runs[0]);
  return Object.fromEntries(keys.map((key) => [key, key === 'non2xx' || key === 'errors' || key === 'total' ? runs.reduce((sum, run) => sum + run[key], 0) : median(runs.map((run) => run[key]))]));
}
