/**
 * The one way the app, the CLI and the tests open the database: PostgreSQL when a URL is
 * given, otherwise embedded PGlite. Both get the same schema, migrations and value types.
 */
import type { Kysely } from 'kysely';
import { openPGlite } from './open-pglite';
import { openPostgres } from './open-postgres';
import type { Schema } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  engine: Engine;
  /** For people: "PostgreSQL at postgres://app:***@db:5432/threadwatch", "embedded PGlite in ./data/pglite". */
  describe: string;
  /** Waits for queries in progress, closes the connections and, for PGlite, releases the data dir. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL of a PostgreSQL server. When absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory (created if missing), or 'memory://'. Default ./data/pglite. */
  dataDir?: string;
}

export const DEFAULT_DATA_DIR = './data/pglite';

/**
 * Opens the database; does not migrate (see migrateToLatest). Throws DatabaseInUseError when
 * another process has the embedded data dir open, DatabaseConnectionError when PostgreSQL
 * can't be reached.
 */
export function createDb(options: DatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPGlite(options.dataDir ?? DEFAULT_DATA_DIR);
}
