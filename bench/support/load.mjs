// One autocannon run, reduced to the figures the benchmark tables show.
import autocannon from 'autocannon';

export async function load(options) {
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  return {
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
  const out = [line(['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ratio req/s', 'ratio p99'])];
  out.push(line(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
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
      ]),
    );
  }
  return out.join('\n');
}
