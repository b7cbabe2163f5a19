/**
 * Runs a benchmark step in its own Node process, so that its peak memory (which it reports
 * itself, peakRssMb below) is its own and not the benchmark's. The child prints one line
 * of JSON on stdout; its stderr passes through.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function runChild<T>(script: string, args: string[]): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], {
    stdio: ['ignore', 'pipe', 'inherit']
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/**
 * Peak resident set size of this process so far, in MB: the kernel's high-water mark of
 * this process's own memory (VmHWM). Not maxRSS: Linux carries a process's maxRSS across
 * exec, so a child spawned by the benchmark would report at least the benchmark's own size
 * at the fork (which holds the generated corpus). maxRSS (KiB) where /proc is absent.
 */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kib) return (Number(kib) * 1024) / 1e6;
  } catch {
    // not Linux
  }
  return (process.resourceUsage().maxRSS * 1024) / 1e6;
}
