/**
 * One process at a time on an embedded data dir, checked with real second processes: the
 * loser fails at once with DatabaseInUseError naming the holder; a killed holder's lock does
 * not block the next process; the data written before the kill is still there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countDocuments } from '../../src/lib/server/corpus';
import {
  createDb,
  DatabaseInUseError,
  migrateToLatest,
  type Database
} from '../../src/lib/server/db';

const holderScript = join(import.meta.dirname, '../helpers/hold-embedded-database.ts');
const root = mkdtempSync(join(tmpdir(), 'threadwatch-lock-'));
const template = join(root, 'template', 'pglite');
let dirCount = 0;
const children: ChildProcess[] = [];
const opened: Database[] = [];

/** A migrated, empty data dir, copied from a template: PGlite's initdb takes seconds. */
function freshDataDir(): string {
  dirCount += 1;
  const dataDir = join(root, `db-${dirCount}`, 'pglite');
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

interface Holder {
  child: ChildProcess;
  /** The first line the child printed: "ready", or "in-use <pid> <message>". */
  firstLine: Promise<string>;
  exited: Promise<number | null>;
}

function startHolder(dataDir: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit']
  });
  children.push(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const firstLine = new Promise<string>((found, failed) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) found(output.slice(0, output.indexOf('\n')));
    });
    void exited.then((code) => failed(new Error(`holder exited with ${code}: ${output}`)));
  });
  return { child, firstLine, exited };
}

async function open(dataDir: string): Promise<Database> {
  const database = await createDb({ dataDir });
  opened.push(database);
  return database;
}

beforeAll(async () => {
  const database = await createDb({ dataDir: template });
  await migrateToLatest(database.db);
  await database.close();
});

afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded database lock', () => {
  it('refuse a second process at once, naming the holder', async () => {
    const dataDir = freshDataDir();
    const holder = startHolder(dataDir);
    expect(await holder.firstLine).toBe('ready');

    const startedAt = Date.now();
    const failure = await createDb({ dataDir }).catch((error: unknown) => error);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(failure).toBeInstanceOf(DatabaseInUseError);
    const inUse = failure as DatabaseInUseError;
    expect(inUse.holder.pid).toBe(holder.child.pid);
    expect(inUse.message).toContain(`The embedded database in ${dataDir} is in use`);
    expect(inUse.message).toContain(`pid ${holder.child.pid}`);
    expect(inUse.message).toContain('hold-embedded-database.ts');
    expect(inUse.message).toContain('set DATABASE_URL to use PostgreSQL');

    holder.child.stdin!.end(); // closes cleanly and removes its lock
    expect(await holder.exited).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const database = await open(dataDir);
    expect(await countDocuments(database.db)).toBe(1);
  });

  it('take over at once from a holder that was killed, keeping its data', async () => {
    const dataDir = freshDataDir();
    const holder = startHolder(dataDir);
    expect(await holder.firstLine).toBe('ready');
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(existsSync(`${dataDir}.lock`)).toBe(true); // left behind by the kill

    const database = await open(dataDir);
    expect(await countDocuments(database.db)).toBe(1);
  });

  it('keep another process out while this one holds the database', async () => {
    const dataDir = freshDataDir();
    await open(dataDir);
    const contender = startHolder(dataDir);
    expect(await contender.firstLine).toMatch(new RegExp(`^in-use ${process.pid} .*in use`));
    expect(await contender.exited).toBe(3);
  });

  it('refuse to open the same data dir twice in one process', async () => {
    const dataDir = freshDataDir();
    const first = await open(dataDir);
    await expect(createDb({ dataDir })).rejects.toThrow(/already open in this process/);
    await first.close();
    await open(dataDir);
  });

  it('ignore a lock whose process is gone or whose file is garbage', async () => {
    const dataDir = freshDataDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => gone.once('exit', done));
    const lock = { pid: gone.pid, hostname: hostname(), command: 'gone', processStart: null };
    writeFileSync(`${dataDir}.lock`, JSON.stringify(lock));
    await (await createDb({ dataDir })).close();

    writeFileSync(`${dataDir}.lock`, 'not json');
    await (await createDb({ dataDir })).close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')(
    'ignore a lock whose pid now belongs to another program (pid reuse)',
    async () => {
      const dataDir = freshDataDir();
      // A live pid, but not the process that wrote the lock: its start time differs.
      const lock = { pid: process.ppid, hostname: hostname(), command: 'old', processStart: '1' };
      writeFileSync(`${dataDir}.lock`, JSON.stringify(lock));
      await (await createDb({ dataDir })).close();
    }
  );

  it('respect a fresh lock held on another host', async () => {
    const dataDir = freshDataDir();
    const lock = { pid: 4242, hostname: 'elsewhere', command: 'serve', processStart: null };
    writeFileSync(`${dataDir}.lock`, JSON.stringify(lock));
    await expect(createDb({ dataDir })).rejects.toThrow(/pid 4242 on host elsewhere/);

    // Its holder refreshes the file's mtime while it runs; a minute without means it is gone.
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(`${dataDir}.lock`, twoMinutesAgo, twoMinutesAgo);
    await (await createDb({ dataDir })).close();
  });
});
