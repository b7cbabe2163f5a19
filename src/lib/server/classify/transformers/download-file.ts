/**
 * One HTTP download to a file, for `models pull`: a deadline on the response headers so an
 * offline machine fails in seconds rather than at the OS's connect timeout, a deadline on
 * silence while the body streams, and byte counts for a progress bar.
 */
import { open } from 'node:fs/promises';

export type DownloadOutcome =
  { status: 'saved'; bytes: number } | { status: 'missing'; httpStatus: number };

/** Why the server could not be talked to at all: DNS, refused, reset, timed out. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The server answered, but not with the file: an HTTP error, or a body that broke off. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}

export interface DownloadOptions {
  url: string;
  to: string;
  /** How long to wait for the response headers (connect, TLS, redirects included). */
  headersTimeoutMs: number;
  /** How long the body may go without a byte before the download is given up. */
  stallTimeoutMs: number;
  onStart?: (totalBytes: number | undefined) => void;
  onBytes?: (receivedBytes: number) => void;
}

/** Resolves 'missing' on 401/404 (the hub answers 401 for a repository that does not exist). */
export async function downloadFile(options: DownloadOptions): Promise<DownloadOutcome> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), options.headersTimeoutMs);
  const restartTimer = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), ms);
  };
  try {
    let response: Response;
    try {
      response = await fetch(options.url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new UnreachableError(describeFetchFailure(error, options.headersTimeoutMs));
    }
    if (response.status === 404 || response.status === 401) {
      await response.body?.cancel();
      return { status: 'missing', httpStatus: response.status };
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new DownloadError(`${options.url} answered HTTP ${response.status}`);
    }
    const length = Number(response.headers.get('content-length'));
    options.onStart?.(Number.isFinite(length) && length > 0 ? length : undefined);

    restartTimer(options.stallTimeoutMs);
    const file = await open(options.to, 'w');
    let bytes = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          // Only the network side is "unreachable"; a full disk stays the error it is.
          const reason = describeFetchFailure(error, options.stallTimeoutMs);
          throw new DownloadError(`download of ${options.url} broke off: ${reason}`);
        }
        if (chunk.done) break;
        restartTimer(options.stallTimeoutMs);
        await file.write(chunk.value);
        bytes += chunk.value.byteLength;
        options.onBytes?.(bytes);
      }
    } finally {
      await file.close();
    }
    return { status: 'saved', bytes };
  } finally {
    clearTimeout(timer);
  }
}

/** "ECONNREFUSED", "ENOTFOUND", "no answer within 5 s": what the one-line message shows. */
function describeFetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'AbortError')
    return `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  const cause =
    error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
