/**
 * A stand-in for the Hugging Face hub on 127.0.0.1: serves a model folder's files at
 * `/<id>/resolve/main/<file>` and records what was asked for. Tests never touch the network.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface LocalModelHub {
  endpoint: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Serves `modelDir` as model `id`; anything else is a 404, as on the hub. */
export async function startLocalModelHub(id: string, modelDir: string): Promise<LocalModelHub> {
  const requests: string[] = [];
  const prefix = `/${id}/resolve/main/`;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(request.url ?? '');
    requests.push(path);
    const file = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (!file || file.includes('..')) return response.writeHead(404).end('Entry not found');
    readFile(join(modelDir, file)).then(
      (bytes) => response.writeHead(200, { 'content-length': bytes.length }).end(bytes),
      () => response.writeHead(404).end('Entry not found')
    );
  });
  const endpoint = await listen(server);
  return { endpoint, requests, close: () => close(server) };
}

/** Accepts connections and never answers: a black-holed host. */
export async function startSilentServer(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer(() => {});
  const endpoint = await listen(server);
  return { endpoint, close: () => close(server) };
}

/** An endpoint on 127.0.0.1 where nothing listens: connections are refused at once. */
export async function closedPortEndpoint(): Promise<string> {
  const server = createServer();
  const endpoint = await listen(server);
  await close(server);
  return endpoint;
}
