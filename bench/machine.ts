/**
 * The machine the figures came from: CPU model (/proc/cpuinfo, else os.cpus()), cores, nproc, Node version.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  nproc: number;
  platform: string;
}

export function machine(): MachineInfo {
  return {
    node: process.version,
    cpu: cpuModel(),
    cores: cpus().length,
    nproc: nproc(),
    platform: `${process.platform} ${process.arch}`,
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return availableParallelism();
  }
}
