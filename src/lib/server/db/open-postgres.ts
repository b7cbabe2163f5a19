/** The server engine: a pg connection pool on DATABASE_URL. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { DatabaseConnectionError } from './errors';
import type { Schema } from './schema';
import { pgTypeParsers } from './type-parsers';

export async function openPostgres(databaseUrl: string): Promise<Database> {
  const shownUrl = redactPassword(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, types: pgTypeParsers });
  // An idle client losing its connection (server restart) emits 'error' on the pool; without
  // a listener that would crash the process. The pool drops that client and the next query
  // connects afresh, so a warning is all that is needed.
  pool.on('error', (error) =>
    console.warn(`PostgreSQL ${shownUrl}: idle connection lost: ${error.message}`)
  );
  // The pool listens only to idle clients. A checked-out client whose connection drops
  // between two statements (a transaction doing JavaScript work while the server stops)
  // emits 'error' with nobody listening: an uncaught exception instead of the one clear
  // line. Its next statement fails with pg's "not queryable" error, which the caller
  // reports, and the pool discards it on release; so this listener only keeps the process up.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    await pool.query('select 1'); // fail now, with the URL, rather than on the first request
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseConnectionError(`Cannot connect to PostgreSQL at ${shownUrl}: ${reason}`, {
      cause: error
    });
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    engine: 'postgres',
    describe: `PostgreSQL at ${shownUrl}`,
    close() {
      closing ??= db.destroy();
      return closing;
    }
  };
}

export function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
