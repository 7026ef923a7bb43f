// CPU time the hypervisor gave to other guests ("steal", /proc/stat, Linux): on a shared VM it is what
// makes two identical runs differ, so the benchmarks report it beside their figures.
import { readFileSync } from 'node:fs';

function cpuTicks() {
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Starts a measurement; the function it returns gives the share of CPU time stolen since, in percent (null where unknown). */
export function stealMeter() {
  const before = cpuTicks();
  return () => {
    const after = cpuTicks();
    if (before === null || after === null || after.total === before.total) return null;
    return (100 * (after.steal - before.steal)) / (after.total - before.total);
  };
}
