/** Expected database failures, each with a message a user can act on. */

export interface LockHolder {
  pid: number;
  hostname: string;
  /** What the holder was running, e.g. `src/cli/index.ts serve`. */
  command: string;
}

/** The embedded database's data dir is open in another process (or already in this one). */
export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
  constructor(
    /** The data dir as the user gave it, e.g. `./data/pglite`. */
    readonly dataDir: string,
    readonly lockPath: string,
    readonly holder: LockHolder,
    situation: 'other-process' | 'other-host' | 'this-process'
  ) {
    super(inUseMessage(dataDir, lockPath, holder, situation));
  }
}

function inUseMessage(
  dataDir: string,
  lockPath: string,
  holder: LockHolder,
  situation: 'other-process' | 'other-host' | 'this-process'
): string {
  if (situation === 'this-process') {
    return `The embedded database in ${dataDir} is already open in this process (pid ${holder.pid}); reuse that connection or close it first.`;
  }
  const where = situation === 'other-host' ? ` on host ${holder.hostname}` : '';
  return (
    `The embedded database in ${dataDir} is in use by another threadwatch process ` +
    `(pid ${holder.pid}${where}, \`${holder.command}\`); stop it, or set DATABASE_URL to use PostgreSQL. ` +
    `If that process is gone, delete ${lockPath}.`
  );
}

/** PostgreSQL at DATABASE_URL cannot be reached or refuses the connection. */
export class DatabaseConnectionError extends Error {
  override readonly name = 'DatabaseConnectionError';
}

/** SQLSTATE 23505, raised the same way by pg and PGlite. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}
