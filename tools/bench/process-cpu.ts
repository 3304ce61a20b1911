import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of the times in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

export interface ProcessCpu {
  parent: number;
  /** Its own user and system time. */
  seconds: number;
  /** What its children that have ended used (cutime, cstime). */
  endedChildrenSeconds: number;
}

/** A process's CPU time so far, from /proc (Linux); null when it cannot be read: it ended, or there is no /proc. */
export function processCpu(pid: number): ProcessCpu | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (which may hold spaces): parent is the 2nd field, utime, stime, cutime and cstime the 12th to 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (index: number) => Number(fields[index]) / TICKS_PER_SECOND;
    return { parent: Number(fields[1]), seconds: seconds(11) + seconds(12), endedChildrenSeconds: seconds(13) + seconds(14) };
  } catch {
    return null;
  }
}

/** This process's CPU time so far (every thread: the event loop, the collector's helpers), in microseconds. */
export function nodeCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}
