/**
 * A PostgreSQL server of the test's own, in a temp folder on a free loopback port, for tests
 * that stop or restart it (never the shared one other tests use). initdb refuses to run as
 * root, so as root the server runs as the `postgres` system user (runuser), which owns the
 * folder. Trust authentication, loopback and a socket in the folder only.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string;
  /** pg_ctl stop -m fast: connections are terminated, transactions in flight rolled back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder; safe to call twice. */
  remove(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder, or null when there is none. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

export async function startPrivatePostgres(
  binDir: string,
  database = 'threadwatch'
): Promise<PrivatePostgres> {
  const folder = mkdtempSync(join(tmpdir(), 'threadwatch-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownSync(folder, ...(await postgresIds()));
  const pgCtl = (...args: string[]) => asUser(asRoot, join(binDir, 'pg_ctl'), args);
  const dataDir = join(folder, 'data');
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  // -l: the server must not write to (and hold open) the pipe of the command that starts it.
  const start = () => pgCtl('start', '-D', dataDir, '-o', options, '-l', join(folder, 'log'), '-w');
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    if (existsSync(join(dataDir, 'postmaster.pid')))
      await pgCtl('stop', '-D', dataDir, '-m', 'immediate', '-w').catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await asUser(asRoot, join(binDir, 'initdb'), [
      ...['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']
    ]);
    await start();
    await asUser(asRoot, join(binDir, 'createdb'), [
      ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]
    ]);
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pgCtl('stop', '-D', dataDir, '-m', 'fast', '-w');
    },
    start,
    remove
  };
}

async function asUser(asRoot: boolean, command: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  await run(file, argv, { timeout: 60_000 });
}

async function postgresIds(): Promise<[number, number]> {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres'])
  ]);
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
}

function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const server = createServer();
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? found(address.port) : failed(new Error('no port'))
      );
    });
  });
}
