/**
 * Who holds the embedded database's lock, and whether that process still exists. A pid alone
 * is not enough: after a crash the pid may be reused (in a container, the next threadwatch
 * often gets the very same small pid), so on Linux the process start time is compared too.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { relative } from 'node:path';
import type { LockHolder } from './errors';

export interface LockRecord extends LockHolder {
  /** Kernel start time of the process (Linux clock ticks since boot), null elsewhere. */
  processStart: string | null;
  since: string;
}

export function thisProcess(): LockRecord {
  return {
    pid: process.pid,
    hostname: hostname(),
    command: describeCommand(process.argv),
    processStart: processStartTime(process.pid),
    since: new Date().toISOString()
  };
}

/** `node /work/main/src/cli/index.ts serve` → `src/cli/index.ts serve`. */
function describeCommand(argv: readonly string[]): string {
  const [, script, ...args] = argv;
  if (script === undefined) return 'node';
  const shown = script.startsWith(process.cwd()) ? relative(process.cwd(), script) : script;
  return [shown, ...args].join(' ');
}

/** False only when the record's process is certainly gone from this host. */
export function isRecordedProcessRunning(record: LockRecord): boolean {
  if (!isPidRunning(record.pid)) return false;
  if (record.processStart === null) return true;
  const currentStart = processStartTime(record.pid);
  return currentStart === null || currentStart === record.processStart;
}

function isPidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)", which may itself hold spaces; starttime is field 22 of stat.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function parseLockRecord(text: string): LockRecord | null {
  try {
    const record = JSON.parse(text) as Partial<LockRecord>;
    if (typeof record.pid !== 'number' || typeof record.hostname !== 'string') return null;
    return {
      pid: record.pid,
      hostname: record.hostname,
      command: typeof record.command === 'string' ? record.command : 'unknown command',
      processStart: typeof record.processStart === 'string' ? record.processStart : null,
      since: typeof record.since === 'string' ? record.since : ''
    };
  } catch {
    return null;
  }
}
