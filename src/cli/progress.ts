/** A progress bar on a terminal (stderr), nothing when output goes to a file or a pipe. */
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

export function startProgress(total: number, what: string): Progress {
  if (!process.stderr.isTTY || total < 2) return { tick() {}, stop() {} };
  const bar = new SingleBar(
    { stream: process.stderr, format: `${what} [{bar}] {value}/{total} {label}`, hideCursor: true },
    Presets.shades_classic
  );
  bar.start(total, 0, { label: '' });
  return {
    tick: (label) => bar.increment({ label }),
    stop: () => bar.stop()
  };
}
