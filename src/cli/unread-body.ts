/**
 * Answers sent before the request's body has arrived (a refused upload: too large, a type
 * that is not accepted, nobody signed in) close the connection, but only after reading and
 * discarding the rest of the body. Node would otherwise close the socket with bytes still
 * coming in, the kernel resets the connection, and a client still sending sees EPIPE or
 * ECONNRESET instead of the answer. Bounded: past `maxBytes` more, or `maxWaitMs`, the
 * answer goes out and the connection closes anyway.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface DiscardLimits {
  /** The largest body read to its end; one declared larger is not waited for. */
  maxBytes: number;
  /** How long a slow client may take to send them. */
  maxWaitMs: number;
}

export function discardingUnreadBodies(handler: NodeHandler, limits: DiscardLimits): NodeHandler {
  return (request, response) => {
    const writeHead = response.writeHead;
    // Node's own `res.end()` writes its headers through this too.
    response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      // Keeping the connection would make Node read the whole body, however large.
      if (!request.complete && !this.headersSent) this.setHeader('connection', 'close');
      return (writeHead as (...args: unknown[]) => ServerResponse).apply(this, args);
    } as typeof response.writeHead;

    // SvelteKit writes a body with write() before end(): held back while the request is
    // still arriving, or the client would have its whole answer (and close) mid-upload.
    const write = response.write;
    const held: unknown[][] = [];
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      if (held.length === 0 && (request.complete || request.destroyed))
        return (write as (...args: unknown[]) => boolean).apply(this, args);
      held.push(args);
      return true;
    } as typeof response.write;

    const end = response.end;
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      const endNow = () => {
        for (const chunk of held.splice(0))
          (write as (...a: unknown[]) => boolean).apply(this, chunk);
        return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
      };
      if (request.complete || request.destroyed || declaredSize(request) > limits.maxBytes)
        return endNow();
      void discardRest(request, limits).then(endNow);
      return this;
    } as typeof response.end;

    return handler(request, response);
  };
}

/** The Content-Length the client sent, or 0 (chunked). */
function declaredSize(request: IncomingMessage): number {
  const size = Number(request.headers['content-length']);
  return Number.isFinite(size) ? size : 0;
}

/** Reads what is left of the body into nothing; resolves at its end, a limit, or a drop. */
function discardRest(request: IncomingMessage, { maxBytes, maxWaitMs }: DiscardLimits) {
  return new Promise<void>((done) => {
    let discarded = 0;
    const finish = () => {
      clearTimeout(timer);
      request.off('data', count);
      request.off('end', finish);
      request.off('close', finish);
      request.pause();
      done();
    };
    const count = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxBytes) finish();
    };
    const timer = setTimeout(finish, maxWaitMs);
    // The app's own reader (SvelteKit's body stream) is done with it: don't buffer for it.
    request.removeAllListeners('data');
    request.on('data', count);
    request.once('end', finish);
    request.once('close', finish);
    request.resume();
  });
}
