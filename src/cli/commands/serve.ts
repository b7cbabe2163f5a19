/**
 * `serve`: what `npm start` runs after building. Opens and migrates the database, ingests
 * the sample pages into an empty one, creates the first admin when there are no users,
 * then serves the built dashboard and runs one classification worker in this process, so
 * the embedded database has exactly one owner.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { provideAppDatabase } from '../../lib/server/app-database';
import { ensureFirstAdmin, FIRST_ADMIN_NAME } from '../../lib/server/auth';
import { runWorker } from '../../lib/server/classify/jobs';
import { config } from '../../lib/server/config';
import { countDocuments } from '../../lib/server/corpus';
import type { Database } from '../../lib/server/db';
import { describeSummary, ingestFiles } from '../../lib/server/ingest/ingest-files';
import { expandInputs } from '../../lib/server/ingest/input-files';
import { requestBodyLimit } from '../../lib/server/ingest/upload/read-uploads';
import { classifierFromSettings } from '../../lib/server/settings';
import { groupMissingArticles } from '../../lib/server/stories';
import { openMigratedDatabase } from '../database';
import { discardingUnreadBodies } from '../unread-body';
import { describeBatch } from './worker';

const BUILT_HANDLER = resolve('build/handler.js');
/** A refused upload up to this many times the request limit is read to its end first… */
const UNREAD_BODY_FACTOR = 4;
/** …if it arrives within this time; then the answer goes out and the connection closes. */
const UNREAD_BODY_WAIT_MS = 60_000;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the built dashboard (run `npm run build` first; `npm start` does both)')
    .action(async () => {
      if (!existsSync(BUILT_HANDLER)) {
        throw new Error(
          `No build found at ${BUILT_HANDLER}: run \`npm run build\` (or \`npm start\`) first`
        );
      }
      const database = await openMigratedDatabase();
      await seedIfEmpty(database);
      await groupUngroupedArticles(database);
      await createFirstAdmin(database);
      const worker = startWorker(database);
      provideAppDatabase(database);
      const handler = discardingUnreadBodies(await loadPlainHttpHandler(), {
        maxBytes: UNREAD_BODY_FACTOR * requestBodyLimit(config().maxDocumentBytes),
        maxWaitMs: UNREAD_BODY_WAIT_MS
      });
      const server = createServer(handler);
      const { host, port } = config();
      await listen(server, host, port);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      process.stdout.write(`threadwatch is running at http://${host}:${actualPort}/\n`);
      stopOnSignals(server, worker, database);
    });
}

type RequestHandler = NonNullable<Parameters<typeof createServer>[1]>;

/** A header only this process sets; any value a client sends in it is overwritten. */
const PLAIN_HTTP_HEADER = 'x-threadwatch-protocol';

/**
 * The built handler, told that this server speaks plain http. Without ORIGIN or
 * PROTOCOL_HEADER, adapter-node assumes https: the session cookie would be Secure (dropped
 * by browsers on http://127.0.0.1) and every same-origin form POST would fail SvelteKit's
 * CSRF origin check. Behind a TLS proxy, ORIGIN or PROTOCOL_HEADER is set and wins.
 */
async function loadPlainHttpHandler(): Promise<RequestHandler> {
  const plainHttp = !config().publicOriginConfigured;
  // adapter-node reads its settings from the environment when the handler module loads.
  if (plainHttp) process.env.PROTOCOL_HEADER = PLAIN_HTTP_HEADER;
  // Its default (512 KB) would refuse most saved pages; fit it to THREADWATCH_MAX_DOCUMENT_MB.
  if (!config().bodySizeLimitConfigured)
    process.env.BODY_SIZE_LIMIT = String(requestBodyLimit(config().maxDocumentBytes));
  const { handler } = (await import(pathToFileURL(BUILT_HANDLER).href)) as {
    handler: RequestHandler;
  };
  if (!plainHttp) return handler;
  return (request, response) => {
    request.headers[PLAIN_HTTP_HEADER] = 'http';
    return handler(request, response);
  };
}

async function seedIfEmpty(database: Database): Promise<void> {
  if ((await countDocuments(database.db)) > 0) return;
  const { seedsDir } = config();
  if (!existsSync(seedsDir)) return;
  const summary = await ingestFiles(database.db, (await expandInputs([seedsDir])).files);
  process.stderr.write(
    `empty database: ingested the sample pages in ${seedsDir}: ${describeSummary(summary)}\n`
  );
}

/**
 * Articles stored before story groups existed get theirs now (a no-op once every article
 * has a fingerprint), so upgrading needs no manual `stories rebuild`.
 */
async function groupUngroupedArticles(database: Database): Promise<void> {
  const grouped = await groupMissingArticles(database.db);
  if (grouped > 0) process.stderr.write(`grouped ${grouped} earlier articles into stories\n`);
}

/** Without any user nobody could sign in: the first start makes an admin and says how. */
async function createFirstAdmin(database: Database): Promise<void> {
  const password = await ensureFirstAdmin(database.db);
  if (password === undefined) return;
  process.stdout.write(
    `created the first admin: name ${FIRST_ADMIN_NAME}, password ${password} (shown once; change it in settings)\n`
  );
}

interface InProcessWorker {
  /** Asks the worker to stop after its batch in progress and waits until it has. */
  stop(): Promise<void>;
}

/**
 * One worker on the app's own database handle. The classifier loads in the background so
 * the dashboard serves at once; if it can't load, or the worker fails, the dashboard still
 * serves and the comments stay queued for the next start or a `cli worker`.
 */
function startWorker(database: Database): InProcessWorker {
  const stopping = new AbortController();
  // Loaded before the first batch, then rebuilt whenever the settings pages change.
  const classifier = classifierFromSettings(database.db, config(), { lexiconThread: true });
  const running = classifier()
    .then(() =>
      runWorker({
        db: database.db,
        classifier,
        signal: stopping.signal,
        onBatch: (report) => {
          if (report.claimed > 0)
            process.stderr.write(`classify ${describeBatch(report)}
`);
        }
      })
    )
    .then(
      () => {},
      (error: unknown) => {
        const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`classification worker stopped: ${reason}\n`);
      }
    );
  return {
    stop() {
      stopping.abort();
      return running;
    }
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
}

function stopOnSignals(server: Server, worker: InProcessWorker, database: Database): void {
  const stop = (signal: string) => {
    process.stderr.write(`${signal}: shutting down\n`);
    server.close();
    server.closeAllConnections();
    // The worker finishes its batch before the database closes under it.
    void worker
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
