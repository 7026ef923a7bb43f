// On a machine with few cores the load generator and the service fight over the same core, and the
// loser's wake-ups are charged to whichever route is being measured. Pinning them to different cores
// (taskset, Linux) makes each figure the service's own cost. Elsewhere both run unpinned, and say so.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** With two or more cores and taskset: the load generator (this process) on core 0, services on the rest. */
const pinning = hasTaskset && cpus().length >= 2 ? { loadCores: '0', serviceCores: cpus().length === 2 ? '1' : `1-${cpus().length - 1}` } : null;

export function pinLoadGenerator() {
  if (pinning) execFileSync('taskset', ['-pc', pinning.loadCores, String(process.pid)], { stdio: 'ignore' });
}

/** The command that starts a service process on the service cores (the same pid: taskset execs it). */
export function pinnedCommand(command, args) {
  return pinning ? ['taskset', ['-c', pinning.serviceCores, command, ...args]] : [command, args];
}

export const pinningNote = () =>
  pinning ? `load generator pinned to core ${pinning.loadCores}, services to cores ${pinning.serviceCores}` : 'not pinned (no taskset or one core)';
