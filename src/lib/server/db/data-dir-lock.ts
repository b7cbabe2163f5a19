/**
 * One process at a time on an embedded (PGlite) data dir: two PGlite instances on the same
 * files corrupt them. The lock is a file next to the data dir (`<dataDir>.lock`, outside it
 * so PGlite never sees it) holding the owner's pid, host and command.
 *
 * Why a pid file rather than proper-lockfile's mtime heartbeat: PGlite runs queries on the
 * main thread, and a long one can stall the event loop past any heartbeat deadline, after
 * which another process would take the lock while we still write. A pid check is exact on
 * one host, and a killed owner's lock is taken over at once instead of after a timeout.
 * Only an owner on another host (a data dir on a shared volume) can't be checked by pid;
 * for that case the file's mtime is refreshed and counts as stale after a minute.
 *
 * The lock file is created atomically (write a temp file, then link(2) it into place, which
 * fails if the lock exists), so a reader never sees a half-written one.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { DatabaseInUseError } from './errors';
import {
  isRecordedProcessRunning,
  parseLockRecord,
  thisProcess,
  type LockRecord
} from './process-identity';

const HEARTBEAT_MS = 10_000;
const OTHER_HOST_STALE_MS = 60_000;
const ATTEMPTS = 5;

/**
 * Lock files held by this process: opening one twice here would corrupt it just the same.
 * Kept on globalThis so that a module reloaded by vite's dev server still sees them.
 */
const heldHere: Set<string> = ((globalThis as Record<symbol, Set<string> | undefined>)[
  Symbol.for('threadwatch.heldDataDirLocks')
] ??= new Set<string>());

export interface DataDirLock {
  readonly lockPath: string;
  release(): Promise<void>;
}

/**
 * Takes the lock for `dataDir` (an absolute path) or throws DatabaseInUseError at once;
 * `shownDataDir` is the path as the user wrote it, for the message.
 */
export async function lockDataDir(dataDir: string, shownDataDir: string): Promise<DataDirLock> {
  const lockPath = `${dataDir}.lock`;
  const me = thisProcess();
  if (heldHere.has(lockPath)) {
    throw new DatabaseInUseError(shownDataDir, lockPath, me, 'this-process');
  }
  const content = JSON.stringify({ ...me, token: randomUUID() });
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await createExclusively(lockPath, content)) return hold(lockPath, content);
    const existing = await readLockFile(lockPath);
    if (existing === null) continue; // released in the meantime
    const holder = parseLockRecord(existing);
    if (holder !== null) {
      const situation = await holderSituation(holder, lockPath);
      if (situation !== 'gone')
        throw new DatabaseInUseError(shownDataDir, lockPath, holder, situation);
    }
    // The owner is gone (or the file is not ours to read): take the lock over.
    await removeStaleLock(lockPath, existing);
  }
  throw new Error(`Could not take the lock ${lockPath}: other processes keep changing it`);
}

async function createExclusively(lockPath: string, content: string): Promise<boolean> {
  const temporary = `${lockPath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  try {
    await link(temporary, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function holderSituation(
  holder: LockRecord,
  lockPath: string
): Promise<'other-process' | 'other-host' | 'gone'> {
  if (holder.hostname !== thisProcess().hostname) {
    const modified = await stat(lockPath).then(
      (stats) => stats.mtimeMs,
      () => 0
    );
    return Date.now() - modified < OTHER_HOST_STALE_MS ? 'other-host' : 'gone';
  }
  // Our own pid but not held here: a previous process with the same pid (pid namespaces).
  if (holder.pid === process.pid) return 'gone';
  return isRecordedProcessRunning(holder) ? 'other-process' : 'gone';
}

/**
 * Moves the stale file aside before deleting it, so that of several processes taking over
 * at once only one removes it; if what was moved is not the stale lock we judged (another
 * process took over in between), it is put back.
 */
async function removeStaleLock(lockPath: string, staleContent: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${randomUUID()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((await readLockFile(aside)) !== staleContent) {
    await link(aside, lockPath).catch(() => {});
  }
  await rm(aside, { force: true });
}

async function readLockFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function hold(lockPath: string, content: string): DataDirLock {
  heldHere.add(lockPath);
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // process.exit() without close(): still remove the lock (a kill -9 can't, see above).
  const releaseOnExit = () => removeIfOurs(lockPath, content);
  process.once('exit', releaseOnExit);
  let released = false;
  return {
    lockPath,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      process.off('exit', releaseOnExit);
      heldHere.delete(lockPath);
      if ((await readLockFile(lockPath)) === content) await rm(lockPath, { force: true });
    }
  };
}

function removeIfOurs(lockPath: string, content: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === content) unlinkSync(lockPath);
  } catch {
    // Already gone.
  }
}
