/**
 * The built dashboard served the way `npm start` serves it (`cli serve`: migrate, seed an
 * empty database, one in-process worker), on a free loopback port with its own embedded
 * database in a temp folder, or on the (empty) PostgreSQL database `databaseUrl` names.
 * Builds first when there is no build yet. Tests in the `app` vitest project run one file
 * at a time, so the build is never replaced under a server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppAccounts, type AccountRequest, type AppAccount } from './app-accounts';

const URL_LINE = /threadwatch is running at (http:\/\/\S+)/;

export interface ServedApp {
  url: string;
  /** Everything the server printed so far, stdout and stderr. */
  output: () => string;
  /** Stops the server and removes its data folder, unless `keepData` (then the caller does). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
  /** The app's THREADWATCH_DATA_DIR; its embedded database is in `pglite/` there. */
  dataDir: string;
  /** The accounts created before serving, by name (the admin included); empty when none. */
  accounts: Map<string, AppAccount>;
}

export async function serveApp(
  env: NodeJS.ProcessEnv = {},
  {
    accounts = [],
    databaseUrl
  }: { accounts?: readonly AccountRequest[]; databaseUrl?: string } = {}
): Promise<ServedApp> {
  if (!existsSync('build/handler.js')) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'threadwatch-e2e-'));
  const created =
    accounts.length > 0 ? await createAppAccounts({ dataDir, databaseUrl }, accounts) : new Map();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    THREADWATCH_DATA_DIR: dataDir,
    ...env
  };
  // The served app runs on its own embedded database unless given one: never on the
  // database the test run itself uses.
  if (databaseUrl) childEnv.DATABASE_URL = databaseUrl;
  else delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((found, failed) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match) found(match[1]!);
    });
    child.once('exit', (code) => failed(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: ({ keepData = false } = {}) => stop(child, keepData ? null : dataDir),
    dataDir,
    accounts: created
  };
}

async function stop(child: ChildProcess, dataDir: string | null): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM'); // serve closes the database and its lock on SIGTERM
    await exited;
  }
  if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
}

const FIRST_ADMIN_LINE = /created the first admin: name (\S+), password (\S+)/;

/** The first admin `serve` created and printed once on an empty database. */
export function firstAdmin(app: ServedApp): { name: string; password: string } {
  const match = FIRST_ADMIN_LINE.exec(app.output());
  if (!match) throw new Error(`no first-admin line in:\n${app.output()}`);
  return { name: match[1]!, password: match[2]! };
}
