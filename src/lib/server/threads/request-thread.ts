/**
 * A worker thread that answers requests, for CPU work that should run beside the process's
 * own thread (the lexicon beside the model). Requests carry an id and are answered in any
 * order; posts are one-way (a lexicon sent ahead of the batches that name it). The thread
 * is unreferenced while nothing waits on it, so it never keeps a finished command alive;
 * if it dies, every request waiting on it fails with the reason, and `alive` turns false
 * so its owner starts another.
 */
import { Worker } from 'node:worker_threads';
import type { ThreadAnswer, ThreadMessage } from './protocol';

/** In a variable so that Vite's asset pass leaves this URL alone when the app is built. */
const ENTRY = './typescript-entry.mjs';

export interface RequestThread {
  readonly alive: boolean;
  request<T>(body: unknown): Promise<T>;
  post(body: unknown): void;
  stop(): Promise<void>;
}

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

/** `module`: the thread's TypeScript body (a file URL), which calls serveRequests. */
export function startRequestThread(module: URL, what: string): RequestThread {
  const worker = new Worker(new URL(ENTRY, import.meta.url), {
    workerData: { module: module.href }
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let alive = true;
  worker.unref();
  const fail = (reason: string) => {
    alive = false;
    const error = new Error(`The ${what} thread stopped: ${reason}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', (error) => fail(error.message));
  worker.on('exit', (code) => fail(`it exited with code ${code}`));
  worker.on('message', (answer: ThreadAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (pending.size === 0) worker.unref();
    if ('error' in answer) waiting.reject(new Error(`The ${what} thread failed: ${answer.error}`));
    else waiting.resolve(answer.result as never);
  });
  const send = (message: ThreadMessage) => worker.postMessage(message);
  return {
    get alive() {
      return alive;
    },
    request<T>(body: unknown): Promise<T> {
      if (!alive) return Promise.reject(new Error(`The ${what} thread has stopped`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve: resolve as (result: never) => void, reject });
        send({ id, body });
      });
    },
    post(body: unknown): void {
      if (alive) send({ body });
    },
    async stop(): Promise<void> {
      await worker.terminate();
    }
  };
}
