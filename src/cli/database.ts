/** Opens the configured database for a CLI command and migrates it to the latest schema. */
import { config } from '../lib/server/config';
import {
  createDb,
  DatabaseConnectionError,
  isConnectionLost,
  migrateToLatest,
  type Database
} from '../lib/server/db';

export async function openMigratedDatabase(): Promise<Database> {
  const { databaseUrl, dataDir } = config();
  const database = await createDb({ databaseUrl, dataDir: `${dataDir}/pglite` });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    throw asConnectionError(error, database);
  }
  return database;
}

/** Runs `work` with an open database and always closes it (releasing the embedded lock). */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase();
  let result: T;
  try {
    result = await work(database);
  } catch (error) {
    // Closing a pool whose server is gone may fail too; the first error is the story.
    await database.close().catch(() => {});
    throw asConnectionError(error, database);
  }
  await database.close();
  return result;
}

/**
 * A connection lost mid-command (PostgreSQL restarted, the network dropped) becomes one line
 * that says what happened and what to do; the statement in flight was rolled back, and
 * commands are written so that running them again finishes the work.
 */
function asConnectionError(error: unknown, database: Database): unknown {
  // A connection that can't be re-made mid-command (the server is still shutting down or
  // not back yet) is the same story as one dropped under a statement.
  if (!isConnectionLost(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseConnectionError(
    `Lost the connection to ${database.describe} (${reason}). What was saved before is ` +
      'complete and the unfinished step was rolled back: run the same command again to finish.',
    { cause: error }
  );
}
