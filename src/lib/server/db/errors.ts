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

/** PostgreSQL at DATABASE_URL cannot be reached, refuses the connection, or dropped it. */
export class DatabaseConnectionError extends Error {
  override readonly name = 'DatabaseConnectionError';
}

/** Node's socket errors for a server that went away or never answered. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** pg's own, which carry no code. */
const PG_CONNECTION_MESSAGES =
  /^(?:Connection terminated|Client has encountered a connection error|Client was closed)/;

/**
 * The connection to PostgreSQL was lost or could not be made: SQLSTATE class 08
 * (connection exception), 57P01-57P03 (the server shutting down or restarting), a socket
 * error, or pg's "Connection terminated unexpectedly". Whatever was in flight was rolled back.
 */
export function isConnectionLost(error: unknown): boolean {
  if (error instanceof DatabaseConnectionError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || /^57P0[123]$/.test(code))) return true;
  if (typeof code === 'string' && SOCKET_ERRORS.has(code)) return true;
  return PG_CONNECTION_MESSAGES.test(error.message);
}

/** SQLSTATE 23505, raised the same way by pg and PGlite. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}
