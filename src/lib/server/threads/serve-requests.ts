/**
 * The thread side of a request thread: every message's body goes to `handle`; a message
 * with an id is answered with what it returned, or with the error it threw (its stack, for
 * the log: a thrown error here is a bug, expected failures belong in the result).
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadAnswer, ThreadMessage } from './protocol';

export function serveRequests(handle: (body: never) => unknown): void {
  const port = parentPort;
  if (!port) throw new Error('serveRequests runs only in a worker thread');
  port.on('message', ({ id, body }: ThreadMessage) => {
    let answer: ThreadAnswer | undefined;
    try {
      const result = handle(body as never);
      if (id !== undefined) answer = { id, result };
    } catch (error) {
      if (id === undefined) throw error;
      answer = {
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error)
      };
    }
    if (answer) port.postMessage(answer);
  });
}
