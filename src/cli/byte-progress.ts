/**
 * A bytes progress bar per downloaded file, on a terminal (stderr) only, like progress.ts:
 * one bar at a time, since `models pull` fetches its files one after another.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { PullProgress } from '../lib/server/classify/transformers/pull';

const MEGABYTE = 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / MEGABYTE).toFixed(1);
}

export function startByteProgress(
  stream: NodeJS.WriteStream = process.stderr
): PullProgress & { stop(): void } {
  let bar: SingleBar | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  if (!stream.isTTY) return { fileStarted() {}, bytesReceived() {}, fileFinished() {}, stop };
  return {
    fileStarted(file, totalBytes) {
      stop();
      // Without a Content-Length there is no total to draw against; the file is still named.
      if (totalBytes === undefined) {
        stream.write(`${file} (size unknown)\n`);
        return;
      }
      bar = new SingleBar(
        {
          stream,
          format: `${file} [{bar}] {percentage}% {received}/{size} MB`,
          hideCursor: true
        },
        Presets.shades_classic
      );
      bar.start(totalBytes, 0, { received: megabytes(0), size: megabytes(totalBytes) });
    },
    bytesReceived(_file, receivedBytes) {
      bar?.update(receivedBytes, { received: megabytes(receivedBytes) });
    },
    fileFinished: stop,
    stop
  };
}
