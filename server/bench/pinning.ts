import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * The independent harness of issue 18 pins the server under test to core 0 and the load
 * generator to core 1, so that neither steals the other's core (unpinned, the kernel moves the
 * server's event loop, its GC threads and the generator's threads between both cores, and a
 * server whose own helper threads compete with its loop shows latency it would not show alone).
 * The bench does the same by default: `taskset` (util-linux) on a machine of 2 or more cores.
 * BENCH_PIN=0 turns it off.
 */
export interface Pinning {
  serverCpu: string;
  generatorCpus: string;
}

/** Read before pinGenerator: from then on this process sees only the generator's cores. */
const MACHINE_CPUS = os.availableParallelism();

function detect(): { pinning: Pinning | null; why: string } {
  if (process.env.BENCH_PIN === '0') return { pinning: null, why: 'BENCH_PIN=0' };
  const cpus = MACHINE_CPUS;
  if (cpus < 2) return { pinning: null, why: 'one core' };
  if (spawnSync('taskset', ['-V']).status !== 0) return { pinning: null, why: 'no taskset' };
  return {
    pinning: { serverCpu: '0', generatorCpus: cpus === 2 ? '1' : `1-${cpus - 1}` },
    why: 'pinned',
  };
}

const detected = detect();
export const PINNING = detected.pinning;

/** A note for the report: how servers and generator shared the machine. */
export function pinningNote(): string {
  return PINNING
    ? `servers pinned to CPU ${PINNING.serverCpu}, load generator to CPU ${PINNING.generatorCpus} (taskset)`
    : `not pinned (${detected.why}): servers and load generator share every core`;
}

/** Pins this process (all its threads, and the worker threads it starts later) to the generator's cores. */
export function pinGenerator(): void {
  if (!PINNING) return;
  execFileSync('taskset', ['-a', '-p', '-c', PINNING.generatorCpus, String(process.pid)], {
    stdio: 'ignore',
  });
}

/**
 * Every core, as a taskset list. A child inherits its parent's affinity: a process the pinned
 * generator starts "unpinned" would otherwise share the generator's one core.
 */
const ALL_CPUS = `0-${MACHINE_CPUS - 1}`;

/** The command that starts a process free to run on every core (see ALL_CPUS). */
export function unpinnedCommand(command: string, args: string[]): [string, string[]] {
  return PINNING ? ['taskset', ['-c', ALL_CPUS, command, ...args]] : [command, args];
}

/** Frees a process (all its threads) started from the pinned generator to run on every core. */
export function unpin(pid: number): void {
  if (!PINNING) return;
  execFileSync('taskset', ['-a', '-p', '-c', ALL_CPUS, String(pid)], { stdio: 'ignore' });
}

/** The command that starts a server under test on the server's core. */
export function pinnedServerCommand(command: string, args: string[]): [string, string[]] {
  return PINNING ? ['taskset', ['-c', PINNING.serverCpu, command, ...args]] : [command, args];
}
