/**
 * Runs a benchmark step in its own Node process, so that its peak memory (which it reports
 * itself, from process.resourceUsage().maxRSS) is its own and not the benchmark's. The
 * child prints one line of JSON on stdout; its stderr passes through.
 */
import { spawn } from 'node:child_process';
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

/** Peak resident set size of this process so far, in MB (maxRSS is in KiB). */
export function peakRssMb(): number {
  return (process.resourceUsage().maxRSS * 1024) / 1e6;
}
